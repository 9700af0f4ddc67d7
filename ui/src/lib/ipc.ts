// The one door to the Rust side: every call goes through `call`, and every
// failure arrives as an IpcError { code, message }.
import { invoke } from "@tauri-apps/api/core";
import type { ErrorCode, IpcError } from "./bindings";

export function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as IpcError).code === "string" &&
    typeof (e as IpcError).message === "string"
  );
}

/** Normalises anything thrown by invoke into an IpcError. */
export function toIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return e;
  const code: ErrorCode = "internal";
  return { code, message: typeof e === "string" ? e : "erreur inattendue de l'application" };
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toIpcError(e);
  }
}
