"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

// The camera reads the letter's QR code, which holds the check-in code.
// Where the browser has a barcode detector (Chrome on Android) it is used;
// elsewhere (Safari on iPhone, desktop browsers) jsQR decodes the frames.

type Detect = (video: HTMLVideoElement) => Promise<string | undefined>;

type BarcodeDetectorLike = {
  detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]>;
};
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats: () => Promise<string[]>;
};

/** True where the browser decodes QR codes itself. */
export async function hasNativeQrDetector(): Promise<boolean> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return Boolean(Detector && (await Detector.getSupportedFormats()).includes("qr_code"));
}

async function createDetector(): Promise<Detect> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && (await hasNativeQrDetector())) {
    const detector = new Detector({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return undefined;
    // A smaller frame decodes faster and a letter's QR code is large enough.
    const scale = Math.min(1, 640 / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data;
  };
}

export function QrScanner({ onText, onClose }: { onText: (text: string) => void; onClose: () => void }) {
  const t = useTranslations("admin.checkIn");
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: "environment" },
          audio: false,
        });
        const video = videoRef.current;
        if (stopped || !video) return;
        video.srcObject = stream;
        await video.play();
        const detect = await createDetector();
        const scan = async () => {
          if (stopped) return;
          const text = await detect(video).catch(() => undefined);
          if (text) onTextRef.current(text);
          else timer = setTimeout(scan, 200);
        };
        await scan();
      } catch {
        if (!stopped) setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <div className="space-y-3">
      {failed ? (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t("cameraError")}
        </p>
      ) : (
        <video
          ref={videoRef}
          muted
          playsInline
          className="aspect-square w-full rounded-lg bg-black object-cover"
        />
      )}
      <button
        type="button"
        onClick={onClose}
        className="min-h-14 w-full rounded-lg border-2 border-stone-800 bg-white px-4 text-lg font-semibold"
      >
        {t("stopScan")}
      </button>
    </div>
  );
}
