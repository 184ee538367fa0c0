import java.nio.file.Files;
import java.nio.file.Path;

/** What the workbook's JBang scripts share: finding the workbook they run in. */
final class Workbook {

    private Workbook() {
    }

    /** Returns the folder, at or above the current one, that holds the workbook's catalog and task registry. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("jbang-catalog.json")) && Files.isRegularFile(dir.resolve("tasks.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run this from inside the workbook: no folder at or above "
                + Path.of("").toAbsolutePath() + " holds jbang-catalog.json and tasks.json");
    }
}
