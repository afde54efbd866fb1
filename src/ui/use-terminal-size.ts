import { useStdout } from "ink";
import { useEffect, useState } from "react";

/** The terminal's size, redrawn on resize; 80x24 where the output is not a terminal. */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const update = () => setSize(read());
    stdout.on("resize", update);
    return () => {
      stdout.off("resize", update);
    };
  });
  return size;
}
