package io.loyaltykit.rules.events;

import io.loyaltykit.event.Event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Events files: JSON Lines, one event per line, blank lines ignored. {@link #check} reads a whole file first so
 * that a replay never starts on a file it cannot finish; {@link #forEach} then streams it without holding it all.
 *
 * <pre>{@code
 * EventFiles.check(path, zone);                       // throws EventFileException naming file:line:column
 * EventFiles.forEach(path, zone, e -> loyalty.apply(e.event()));
 * }</pre>
 */
public final class EventFiles {
    private EventFiles() {
    }

    /** One event and the line it came from. */
    public record Numbered(int line, Event event) {
    }

    /** A problem in an events file. */
    public record Problem(String file, int line, int column, String path, String message) {
        /** As compilers print it: {@code events.jsonl:17:42: error: $.lines[0].qty: 'qty' is required}. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": error: " + path + ": " + message;
        }
    }

    /** What a check found in a usable file: how many events, and the instants of the first and last. */
    public record Scan(int count, Instant first, Instant last) {
    }

    /** Reads every line and reports every unusable one (up to {@code maxProblems}). */
    public static Scan check(Path file, ZoneId zone, int maxProblems) {
        List<Problem> problems = new ArrayList<>();
        int[] count = {0};
        Instant[] span = {null, null};
        read(file, zone, e -> {
            count[0]++;
            if (span[0] == null) {
                span[0] = e.event().at();
            }
            span[1] = e.event().at();
        }, p -> {
            if (problems.size() < maxProblems) {
                problems.add(p);
            }
        });
        if (!problems.isEmpty()) {
            throw new EventFileException(problems);
        }
        return new Scan(count[0], span[0], span[1]);
    }

    /** Reads every line; throws on the first unusable one. */
    public static void forEach(Path file, ZoneId zone, Consumer<Numbered> action) {
        read(file, zone, action, p -> {
            throw new EventFileException(List.of(p));
        });
    }

    /** Reads a whole file into memory; for small files and tests. */
    public static List<Numbered> readAll(Path file, ZoneId zone) {
        check(file, zone, 20);
        List<Numbered> out = new ArrayList<>();
        forEach(file, zone, out::add);
        return out;
    }

    private static void read(Path file, ZoneId zone, Consumer<Numbered> action, Consumer<Problem> problem) {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = r.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                try {
                    action.accept(new Numbered(line, EventJson.parse(text, zone)));
                } catch (EventJson.BadEvent e) {
                    problem.accept(new Problem(name, line, e.column(), e.path(), e.getMessage()));
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            problem.accept(new Problem(name, 1, 1, "$", "the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
