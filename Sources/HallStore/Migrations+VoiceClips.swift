import GRDB

extension Migrations {
    /// v18-voice-clips: the recorded clips of the hall's voice packs (Mongolian calls), one WAV
    /// per language and clip name, checked on upload (mono 16-bit PCM, at most 256 KiB).
    static func registerVoiceClips(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v18-voice-clips") { db in
            try db.execute(
                sql: """
                    CREATE TABLE voice_clip (
                        language TEXT NOT NULL,
                        name TEXT NOT NULL,
                        wav BLOB NOT NULL CHECK (length(wav) <= 262144),
                        recorded_by TEXT NOT NULL,
                        recorded_at REAL NOT NULL,
                        PRIMARY KEY (language, name)
                    );
                    """)
        }
    }
}
