import type { ComponentProps } from "react";
import { imagePath } from "@/lib/images/schema";

type Stored = { hash: string; contentType: string; width: number; height: number };

/** An event's cover or logo as Kattoo stores it: its own re-encoded file, at its own size, cached by its hash for a year. */
export function StoredImage({
  image,
  alt,
  ...props
}: { image: Stored; alt: string } & Omit<ComponentProps<"img">, "src" | "width" | "height">) {
  // biome-ignore lint/performance/noImgElement: already re-encoded and sized on upload; nothing for next/image to do
  return <img src={imagePath(image)} alt={alt} width={image.width} height={image.height} {...props} />;
}
