//! Build script of the yardstick app: the plain Tauri build, nothing else.

fn main() {
    tauri_build::build();
}
