// Generated from the Rust transport types (src-tauri/transport) by ts-rs.
// Do not edit: run `UPDATE_BINDINGS=1 cargo test --lib bindings` instead.

export type IpcError = { code: ErrorCode, message: string, };

export type ErrorCode = "invalid_input" | "database" | "not_found" | "internal";

export type AppInfo = { version: string, db_path: string, schema_version: number, };
