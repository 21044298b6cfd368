package dev.fulcrum.core.cli;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.core.pipeline.RunProgress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Progress for a person: one line per stage and per epoch (loss, validation metrics, ETA). On a
 * terminal the current batch is also shown, overwritten in place; in a log there are only whole
 * lines.
 */
public final class ConsoleProgress implements RunProgress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastRedraw;
    private boolean lineOpen;

    public ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Progress on a writer, with batch redraws only when standard output is a terminal. */
    public static ConsoleProgress to(PrintWriter out) {
        return new ConsoleProgress(out, System.console() != null);
    }

    @Override
    public synchronized void note(String line) {
        closeLine();
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void phaseStarted(String phase, int epochs, int rows, int batchesPerEpoch) {
        note(String.format(Locale.ROOT, "[%s] %d training rows, %d batches per epoch, up to %d epochs",
                phase, rows, batchesPerEpoch, epochs));
    }

    @Override
    public synchronized void batchDone(String phase, int epoch, int batch, int batches) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastRedraw < REDRAW_NANOS && batch != batches) {
            return;
        }
        lastRedraw = now;
        out.print(String.format(Locale.ROOT, "\r[%s] epoch %d  batch %d/%d", phase, epoch, batch, batches));
        out.flush();
        lineOpen = true;
    }

    @Override
    public synchronized void epochDone(EpochReport report) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%s] epoch %d/%d  loss %.4f",
                report.phase(), report.epoch(), report.epochs(), report.trainLoss()));
        for (Map.Entry<String, Map<String, Double>> task : report.validation().entrySet()) {
            line.append(String.format(Locale.ROOT, "  val %s acc %.4f f1 %.4f", task.getKey(),
                    task.getValue().get(MetricNames.ACCURACY), task.getValue().get(MetricNames.MACRO_F1)));
        }
        line.append(String.format(Locale.ROOT, "  %.1fs  ETA %s", report.seconds(), clock(report.etaSeconds())));
        note(line.toString());
    }

    private void closeLine() {
        if (lineOpen) {
            out.print("\r\033[K");
            lineOpen = false;
        }
    }

    static String clock(double seconds) {
        long total = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", total / 60, total % 60);
    }
}
