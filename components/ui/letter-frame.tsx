/**
 * A letter's HTML as a mail client would show it: its own document in a
 * sandboxed frame, so no script of it runs and nothing of it reaches the page.
 */
export function LetterFrame({ title, html, tall = false }: { title: string; html: string; tall?: boolean }) {
  return (
    <iframe
      title={title}
      srcDoc={html}
      sandbox=""
      className={`${tall ? "h-[80vh]" : "h-[60vh]"} w-full rounded-lg border border-stone-200 bg-white`}
    />
  );
}
