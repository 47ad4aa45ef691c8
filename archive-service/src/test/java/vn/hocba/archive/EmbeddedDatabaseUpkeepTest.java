package vn.hocba.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's upkeep on a real H2 file database in the service's durable setting ({@code WRITE_DELAY=0}: a
 * chunk per commit, and no housekeeping of H2's own).
 */
class EmbeddedDatabaseUpkeepTest {

    @TempDir
    Path dir;

    @Test
    void compactsTheChunksThatDurableCommitsLeave() throws Exception {
        // RETENTION_TIME=0: the chunks are old enough to rewrite at once (the service keeps H2's 45 s)
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table t (id int primary key, v varchar(200))");
            c.createStatement().execute("insert into t select x, repeat('x', 150) from system_range(0, 19999)");
            // a signature-like load: one row changed per commit, all over the table
            for (int i = 0; i < 1500; i++) {
                c.createStatement().execute("update t set v = 'signed " + i + "' where id = " + (i * 7919 % 20000));
            }
            int before = chunks(c);
            var dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("sa");
            // the scheduled run itself: the store found through a connection of the data source, then kept
            var upkeep = new EmbeddedDatabaseUpkeep(dataSource, 50, 1 << 20, java.time.Duration.ofSeconds(1));
            for (int i = 0; i < 20; i++) {
                upkeep.upkeep();
                c.createStatement().execute("update t set v = 'after' where id = " + i); // a commit drops freed chunks
            }
            int after = chunks(c);
            upkeep.release(); // as the service's stop does before the database closes
            assertThat(before).as("chunks left by 1,500 durable commits").isGreaterThan(500);
            assertThat(after).as("chunks after the upkeep (before: %d)", before).isLessThan(before / 5);
        }
    }

    /**
     * A power cut right after the upkeep's force: the disk holds what was forced, and of the later writes, in the
     * worst case, those into space the file already had (a freed chunk reused) but not the new chunks appended at its
     * end nor the new store header. H2 must then open the forced state or a later one, never an older one or none.
     * With the retention time at 0 that holds only because the pin keeps a chunk that died after the force (the
     * control below, the same load with the pin left out, loses the forced state).
     */
    @Test
    void aPowerCutAfterTheForceFindsTheForcedStateWithChunksFreedAtOnce() throws Exception {
        PowerCut cut = PowerCut.run(dir.resolve("pinned.mv.db"), true);
        assertThat(cut.chunksFreed).as("chunks whose space H2 reused while the load ran (retention time 0)")
                .isGreaterThan(50);
        assertThat(cut.recoveredGeneration())
                .as("the commit a power cut after the force recovers (forced: %d)", cut.forcedGeneration)
                .isGreaterThanOrEqualTo(cut.forcedGeneration);
    }

    @Test
    void withoutThePinAPowerCutLosesTheForcedState() throws Exception {
        PowerCut cut = PowerCut.run(dir.resolve("unpinned.mv.db"), false);
        int recovered;
        try {
            recovered = cut.recoveredGeneration();
        } catch (RuntimeException unopenable) {
            return; // lost outright
        }
        assertThat(recovered).as("without the pin the forced commit %d is lost", cut.forcedGeneration)
                .isLessThan(cut.forcedGeneration);
    }

    /** One store under a signature-like load on H2's recording file system, and the image a power cut leaves. */
    private static final class PowerCut {
        private static final int KEYS = 300;
        private static final int HEADER = 2 * 4096; // the store header's two blocks
        /** (position, bytes) of every write to the file, in order; a truncation as (length, null). */
        private final List<Object[]> writes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        private final Map<Integer, int[]> generations = new java.util.HashMap<>(); // commit -> each key's generation
        private Path image;
        private int forcedGeneration;
        private int chunksFreed;

        static synchronized PowerCut run(Path file, boolean pinned) throws Exception {
            PowerCut cut = new PowerCut();
            org.h2.store.fs.rec.FilePathRec.register();
            String name = file.toString();
            org.h2.store.fs.rec.FilePathRec.setRecorder((op, fileName, data, x) -> {
                if (fileName.endsWith(name) && (op == org.h2.store.fs.Recorder.WRITE
                        || op == org.h2.store.fs.Recorder.TRUNCATE)) {
                    cut.writes.add(new Object[] {x, op == org.h2.store.fs.Recorder.WRITE ? data : null});
                }
            });
            try {
                cut.load("rec:" + name, pinned);
            } finally {
                org.h2.store.fs.rec.FilePathRec.setRecorder(null);
            }
            cut.image = file.resolveSibling(file.getFileName() + ".image.mv.db");
            return cut;
        }

        private void load(String fileName, boolean pinned) {
            MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
            store.setVersionsToKeep(0); // as H2's database sets it
            var upkeep = new EmbeddedDatabaseUpkeep(null, 50, 1 << 20, java.time.Duration.ofSeconds(1));
            try {
                MVMap<Integer, byte[]> map = store.openMap("records");
                int[] current = new int[KEYS];
                var random = new java.util.Random(42);
                int generation = 0;
                for (int key = 0; key < KEYS; key++) {
                    map.put(key, value(key, 0));
                }
                store.commit();
                generations.put(0, current.clone());
                int forcedAt = -1;
                for (int round = 0; round < 8; round++) {
                    if (pinned) {
                        upkeep.keep(store);
                    } else {
                        store.sync(); // the same forces, and H2's own rule with the retention time at 0
                        store.setRetentionTime(0);
                    }
                    if (round == 7) {
                        forcedAt = writes.size(); // the power cut comes after the last force
                        forcedGeneration = generation;
                    }
                    for (int commit = 0; commit < 20; commit++) {
                        generation++;
                        for (int i = 0; i < 40; i++) {
                            int key = random.nextInt(KEYS);
                            current[key] = generation;
                            map.put(key, value(key, generation));
                        }
                        store.commit();
                        generations.put(generation, current.clone());
                    }
                }
                var info = new java.util.HashMap<String, String>();
                store.getFileStore().populateInfo(info::put);
                chunksFreed = generation + 1 - Integer.parseInt(info.get("info.CHUNK_COUNT"));
                writeImage(forcedAt);
            } finally {
                store.closeImmediately(); // the cut: no clean shutdown
            }
        }

        private static byte[] value(int key, int generation) {
            byte[] value = new byte[1000];
            java.nio.ByteBuffer.wrap(value).putInt(key).putInt(generation);
            return value;
        }

        /** The forced file, then every later write that lands inside it outside the header. */
        private void writeImage(int forcedAt) {
            byte[] disk = new byte[0];
            for (int i = 0; i < writes.size(); i++) {
                long position = (Long) writes.get(i)[0];
                byte[] data = (byte[]) writes.get(i)[1];
                boolean forced = i < forcedAt;
                if (data == null) {
                    if (forced) {
                        disk = java.util.Arrays.copyOf(disk, (int) position);
                    }
                } else if (forced) {
                    if (position + data.length > disk.length) {
                        disk = java.util.Arrays.copyOf(disk, (int) position + data.length);
                    }
                    System.arraycopy(data, 0, disk, (int) position, data.length);
                } else if (position >= HEADER && position + data.length <= disk.length) {
                    System.arraycopy(data, 0, disk, (int) position, data.length);
                }
            }
            pendingImage = disk;
        }

        private byte[] pendingImage;

        /** Opens the image and names the commit it holds; throws if H2 cannot open it or it matches no commit. */
        int recoveredGeneration() throws java.io.IOException {
            java.nio.file.Files.write(image, pendingImage);
            MVStore store = new MVStore.Builder().fileName(image.toString()).readOnly().open();
            try {
                MVMap<Integer, byte[]> map = store.openMap("records");
                int[] found = new int[KEYS];
                for (int key = 0; key < KEYS; key++) {
                    byte[] value = map.get(key);
                    if (value == null) {
                        throw new IllegalStateException("record " + key + " missing");
                    }
                    found[key] = java.nio.ByteBuffer.wrap(value).getInt(4);
                }
                return generations.entrySet().stream()
                        .filter(e -> java.util.Arrays.equals(e.getValue(), found))
                        .mapToInt(Map.Entry::getKey).max()
                        .orElseThrow(() -> new IllegalStateException("the image matches no commit"));
            } finally {
                store.closeImmediately();
            }
        }
    }

    @Test
    void leavesOtherDatabasesAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:upkeep", "sa", "")) {
            assertThat(EmbeddedDatabaseUpkeep.storeOf(c)).as("an in-memory database has no file to keep").isNull();
        }
    }

    private static int chunks(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'info.CHUNK_COUNT'")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
