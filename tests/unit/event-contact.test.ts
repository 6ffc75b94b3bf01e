import { describe, expect, it } from "vitest";
import { mapLink, telegramLink } from "@/lib/images/rules";
import { publicContactSchema } from "@/lib/images/schema";

describe("the public contact organizers type", () => {
  const parse = (fields: Record<string, string>) =>
    publicContactSchema.safeParse({ phone: "", telegram: "", latitude: "", longitude: "", ...fields });

  it("keeps a Telegram contact as its username, however it was pasted", () => {
    for (const typed of ["kattoo_kg", "@kattoo_kg", "https://t.me/kattoo_kg", "t.me/kattoo_kg"]) {
      expect(parse({ telegram: typed }).data?.telegram).toBe("kattoo_kg");
    }
    // Anything else would become a link somewhere else.
    for (const typed of ["https://evil.example/kattoo_kg", "javascript:alert(1)", "ab", "kattoo kg"]) {
      expect(parse({ telegram: typed }).error?.issues[0]?.message).toBe("invalidTelegram");
    }
  });

  it("takes a venue point with both coordinates in range, or none", () => {
    expect(parse({ latitude: "42.8746", longitude: "74.6122" }).data).toMatchObject({
      latitude: 42.8746,
      longitude: 74.6122,
    });
    expect(parse({}).data).toEqual({ phone: null, telegram: null, latitude: null, longitude: null });
    expect(parse({ latitude: "42.8" }).error?.issues[0]?.path).toEqual(["longitude"]);
    expect(parse({ latitude: "91", longitude: "0" }).error?.issues[0]?.message).toBe("invalidNumber");
    expect(parse({ phone: "call me" }).error?.issues[0]?.message).toBe("invalidPhone");
  });
});

describe("the links the event's page makes", () => {
  it("go to t.me and to OpenStreetMap only", () => {
    expect(telegramLink("kattoo_kg")).toBe("https://t.me/kattoo_kg");
    expect(mapLink({ latitude: 42.6486, longitude: 77.0857, address: "x" })).toBe(
      "https://www.openstreetmap.org/?mlat=42.6486&mlon=77.0857#map=17/42.6486/77.0857",
    );
    expect(mapLink({ latitude: null, longitude: null, address: "Чолпон-Ата, ул. Советская & 1" })).toBe(
      `https://www.openstreetmap.org/search?query=${encodeURIComponent("Чолпон-Ата, ул. Советская & 1")}`,
    );
  });
});
