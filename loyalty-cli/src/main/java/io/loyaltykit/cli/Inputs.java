package io.loyaltykit.cli;

import io.loyaltykit.program.Program;
import io.loyaltykit.rules.ProgramFileProblem;
import io.loyaltykit.rules.ProgramFiles;
import io.loyaltykit.rules.events.EventFileException;
import io.loyaltykit.rules.events.EventFiles;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Loading what the commands are given, turning unusable input into exit status 2 with located messages. */
final class Inputs {
    /** Thrown to stop a command with an exit status after its message was printed. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private Inputs() {
    }

    /** Loads a program or prints its problems and exits 2. */
    static Program program(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": error: no such file");
            throw new Exit(Main.BAD_INPUT);
        }
        ProgramFiles.Validation v = ProgramFiles.validate(file);
        if (v.hasErrors()) {
            for (ProgramFileProblem p : v.problems()) {
                if (!p.warning()) {
                    err.println(p);
                }
            }
            throw new Exit(Main.BAD_INPUT);
        }
        return v.program();
    }

    /** Checks a whole events file before anything is applied, or prints its problems and exits 2. */
    static EventFiles.Scan checkEvents(Path file, ZoneId zone, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": error: no such file");
            throw new Exit(Main.BAD_INPUT);
        }
        try {
            return EventFiles.check(file, zone, 20);
        } catch (EventFileException e) {
            e.problems().forEach(err::println);
            throw new Exit(Main.BAD_INPUT);
        }
    }

    /** A date-time option; without an offset it is read in the program's zone. */
    static Instant instant(String text, ZoneId zone, String option, PrintWriter err) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                err.println("loyalty: " + option + " must be an ISO-8601 date-time such as 2026-06-30T23:59:59 or "
                        + "2026-06-30T23:59:59+08:00, got '" + text + "'");
                throw new Exit(Main.BAD_INPUT);
            }
        }
    }
}
