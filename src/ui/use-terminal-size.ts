import { useStdout } from "ink";
import { useEffect } from "react";

interface Sized {
  readonly columns?: number;
  readonly rows?: number;
}

/** The terminal's size; 80x24 where the output is not a terminal. */
export function terminalSize(stdout: Sized): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** Calls `onResize` with the new size each time the terminal is resized. */
export function useTerminalResize(onResize: (size: { columns: number; rows: number }) => void) {
  const { stdout } = useStdout();
  useEffect(() => {
    const update = () => onResize(terminalSize(stdout));
    stdout.on("resize", update);
    return () => {
      stdout.off("resize", update);
    };
  }, [stdout, onResize]);
}
