package dev.eventshop.platform.database;

import java.util.List;

/** The PostgreSQL archives zonky looks for, one per platform EventShop promises to start on. */
public final class PostgresPlatforms {

    /** Linux x86-64 and arm64, macOS Intel and Apple silicon, Windows x86-64. */
    public static final List<String> ARCHIVES = List.of(
            "postgres-linux-x86_64.txz",
            "postgres-linux-arm_64.txz",
            "postgres-darwin-x86_64.txz",
            "postgres-darwin-arm_64.txz",
            "postgres-windows-x86_64.txz");

    private PostgresPlatforms() {
    }
}
