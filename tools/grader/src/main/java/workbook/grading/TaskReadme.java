package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the progress view reads in a task's {@code README.md}: its title and the numbered hints of
 * its section "Hints", so that the hints are written once, in the README.
 *
 * @param title the README's title after the task's number, e.g. {@code Measure the runtime: measureTime}
 * @param hints the items of the numbered list in section "Hints", each on one line, in order
 */
record TaskReadme(String title, List<String> hints) {

    private static final Pattern ITEM = Pattern.compile("^(\\d+)\\.\\s+(.*)$");

    TaskReadme {
        hints = List.copyOf(hints);
    }

    /** Parses a task README; a README without a title or a section "Hints" gives an empty title or no hints. */
    static TaskReadme parse(String markdown) {
        var lines = markdown.lines().toList();
        var title = lines.stream().filter(l -> l.startsWith("# ")).findFirst()
                .map(l -> l.substring(2).replaceFirst("^Task \\d+\\s*[—–:-]+\\s*", "").replace("`", "").strip())
                .orElse("");
        var hints = new ArrayList<String>();
        boolean inSection = false;
        for (var line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).strip().equals("Hints");
                continue;
            }
            if (!inSection || line.isBlank()) {
                continue;
            }
            var item = ITEM.matcher(line);
            if (item.matches()) {
                hints.add(item.group(2).strip());
            } else if (Character.isWhitespace(line.charAt(0)) && !hints.isEmpty()) {
                // A list item continued on an indented line.
                hints.set(hints.size() - 1, hints.getLast() + " " + line.strip());
            } else if (!hints.isEmpty()) {
                // A paragraph after the list ends it.
                inSection = false;
            }
        }
        return new TaskReadme(title, hints);
    }
}
