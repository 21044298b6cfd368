package dev.fulcrum.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.fulcrum.api.DataFileException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One read of a CSV file with FastCSV: a large file is cut into ranges of whole lines
 * ({@link LineRanges}) parsed on threads of their own, the first range reading the header and
 * choosing the columns for all. A range's line numbers count from its own start and are moved
 * down when the ranges are joined. A failed read is repeated in one pass: a range ends where the
 * whole file goes on (a quote left open at its end meets the end of the range, not the next
 * line), so only the one-pass read's message is the reference, and errors are the rare case.
 */
final class CsvRead {

    private final Path file;
    private final char delimiter;
    private final Function<CsvHeader, ? extends Collection<String>> choose;

    CsvRead(Path file, char delimiter, Function<CsvHeader, ? extends Collection<String>> choose) {
        this.file = file;
        this.delimiter = delimiter;
        this.choose = choose;
    }

    /** Reads the file in ranges, as many as {@code ranges} at most, or as many as its size is worth when 0. */
    CsvColumns read(int ranges) {
        try {
            long[] bounds;
            try (FileChannel channel = FileChannel.open(file)) {
                bounds = LineRanges.cut(channel, ranges > 0 ? ranges : LineRanges.worthFor(channel.size()));
            }
            if (bounds.length > 2) {
                try {
                    return inRanges(bounds);
                } catch (DataFileException failed) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw failed;
                    }
                    // Read again in one pass below, for the message a one-pass read gives.
                }
            }
            return ColumnRows.join(file, List.of(parse(bounds[0], bounds[bounds.length - 1], new ColumnCollector(file, this::chooseFrom))));
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    private ColumnChoice chooseFrom(CsvHeader header) {
        return ColumnChoice.of(header, choose);
    }

    private CsvColumns inRanges(long[] bounds) {
        int count = bounds.length - 1;
        CompletableFuture<ColumnChoice> chosen = new CompletableFuture<>();
        ExecutorService threads = Executors.newFixedThreadPool(count - 1, task -> {
            Thread thread = new Thread(task, "fulcrum-csv-range");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ColumnRows>> later = new ArrayList<>();
            for (int range = 1; range < count; range++) {
                long start = bounds[range];
                long end = bounds[range + 1];
                later.add(threads.submit(() -> parse(start, end, new ColumnCollector(file, chosen.get()))));
            }
            List<ColumnRows> parts = new ArrayList<>();
            parts.add(parse(bounds[0], bounds[1], new ColumnCollector(file, header -> {
                ColumnChoice choice = chooseFrom(header);
                chosen.complete(choice);
                return choice;
            })));
            for (Future<ColumnRows> part : later) {
                parts.add(part.get());
            }
            return ColumnRows.join(file, parts);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFileException(file, "cannot read: interrupted", e);
        } finally {
            // Ranges still waiting for the columns stop, and every thread ends.
            chosen.completeExceptionally(new CancellationException("the first range failed"));
            threads.shutdownNow();
        }
    }

    /** One range through FastCSV into the collector, with FastCSV's failures in our words. */
    private ColumnRows parse(long start, long end, ColumnCollector collector) {
        try (CsvReader<Void> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(false).build(collector,
                new CsvText(new InputStreamReader(new RangeInput(file, start, end), StandardCharsets.UTF_8)))) {
            // The collector keeps each record and hands FastCSV none, so one step parses the whole range.
            reader.iterator().hasNext();
        } catch (IOException e) {
            throw cannotRead(e);
        } catch (UncheckedIOException e) {
            throw cannotRead(e.getCause());
        } catch (CsvParseException e) {
            throw problem(collector, e);
        }
        return collector.rows();
    }

    private DataFileException cannotRead(IOException e) {
        return new DataFileException(file, "cannot read: " + e.getMessage(), e);
    }

    /**
     * FastCSV's parse failures in today's words. With fields confined to a line, the strict parser
     * fails in two ways (FastCSV 4.1.0, {@code StrictCsvParser}): text after a closing quote, or a
     * quote never closed whose field outgrows the parser's buffer. FastCSV wraps a failure of
     * ours in its own exception: that one is handed on as it is.
     */
    private DataFileException problem(ColumnCollector collector, CsvParseException e) {
        if (e.getCause() instanceof DataFileException ours) {
            return ours;
        }
        Throwable cause = e.getCause() instanceof CsvParseException parser ? parser : e;
        String problem = String.valueOf(cause.getMessage()).startsWith("Unexpected character after closing quote")
                ? "text after a closing quote in field " + (collector.fieldsRead() + 1)
                : "unterminated quote (fields may not span lines)";
        return new DataFileException(file, collector.line(), null, problem);
    }
}
