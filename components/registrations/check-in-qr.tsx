import QRCode from "qrcode";

/** Modules of quiet zone around the code, which scanners need to find it. */
const MARGIN = 2;

/**
 * The check-in code as the QR image the door scans, drawn as SVG on the
 * server: the same code as the letter's image (the same library and
 * settings), sharp at any size, and no script or extra request.
 */
export function CheckInQr({ code, label }: { code: string; label: string }) {
  const { size, data } = QRCode.create(code).modules;
  const side = size + MARGIN * 2;
  // One square per dark module, as one path.
  let path = "";
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (data[row * size + column]) path += `M${column + MARGIN} ${row + MARGIN}h1v1h-1z`;
    }
  }
  return (
    <svg
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      className="size-48 bg-white"
      data-testid="check-in-qr"
    >
      <path d={path} fill="#000" />
    </svg>
  );
}
