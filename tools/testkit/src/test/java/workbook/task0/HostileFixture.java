package workbook.task0;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** A student class that reaches beyond its task: StudentCodeTest's fixture, never run. */
final class HostileFixture {

    private HostileFixture() {
    }

    static void forge() throws Exception {
        Files.writeString(Path.of("grade-report.json"), "{}");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.exit(0)));
        var field = HostileFixture.class.getDeclaredField("x");
        field.setAccessible(true);
        System.getProperty("user.home");
        Thread.getAllStackTraces();
        new ProcessBuilder("true").start();
    }

    static void sorts(List<Double> delays) throws IOException {
        Collections.sort(delays);
        delays.stream().sorted().toList();
    }

    /** Reaches denied members through classes of its own that extend the JDK's. */
    static void throughSubclasses(Mine mine) {
        Mine.getAllStackTraces();
        new Failure().getStackTrace();
    }

    private static final class Mine extends Thread {
    }

    private static final class Failure extends IllegalStateException {
    }
}
