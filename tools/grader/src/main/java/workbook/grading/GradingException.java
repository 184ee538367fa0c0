package workbook.grading;

import java.io.Serial;

/** Thrown when grading itself could not run; the message says why in one sentence. */
public final class GradingException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public GradingException(String message) {
        super(message);
    }
}
