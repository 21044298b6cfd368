package dev.fulcrum.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.cli.FulcrumCli;
import dev.fulcrum.core.run.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.fulcrum.benchmarks.PandasAuditPeer.median;

/**
 * {@code fulcrum audit} against the pandas peer ({@code shared/peers/pandas_audit.py}) on the same
 * seeded CSV (columns y, yhat, a, b; the peer writes it) and the same metrics: per intersectional
 * (a, b) group the counts, selection and base rates, TPR, FPR, FNR, PPV and accuracy, then the
 * demographic parity difference and ratio and the equalized odds difference. Fulcrum also audits
 * a and b alone and everything else it reports. Rounds alternate the two so that load from
 * elsewhere falls on both alike; Fulcrum runs in this JVM (its first round is cold), the peer in a
 * fresh Python each round. Checks that the two agree on the three disparities.
 *
 * <p>Usage, from the repository root: {@code benchmarks/run AuditBenchmark [rows] [rounds] [peer.py]}
 */
public final class AuditBenchmark {

    private static final Pattern FULCRUM_TIMES = Pattern.compile(
            "read in ([0-9.]+) s, decided in ([0-9.]+) s, audited in ([0-9.]+) s");
    private static final Pattern PEER_TIMES = Pattern.compile("read_s=([0-9.]+) metrics_s=([0-9.]+)");
    private static final Pattern PEER_VALUES = Pattern.compile(
            "dp_difference=([0-9.]+) dp_ratio=([0-9.]+) eo_difference=([0-9.]+)");

    private AuditBenchmark() {
    }

    private record Times(double read, double decide, double audit) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PandasAuditPeer peer = PandasAuditPeer.fromArgs(args, 2);
        Path work = PandasAuditPeer.workFolder();
        Path data = peer.data(rows);
        Path plugins = BenchmarkPlugins.folder(work, "group-fairness");
        List<Double> peerRead = new ArrayList<>();
        List<Double> peerMetrics = new ArrayList<>();
        List<Times> fulcrum = new ArrayList<>();
        List<Times> withBootstrap = new ArrayList<>();
        String peerValues = null;
        Path out = work.resolve("audit.json");
        for (int round = 0; round < rounds; round++) {
            String peerOutput = peer.run(data.toString());
            Matcher times = PEER_TIMES.matcher(peerOutput);
            Matcher values = PEER_VALUES.matcher(peerOutput);
            if (!times.find() || !values.find()) {
                throw new IllegalStateException("unexpected peer output:\n" + peerOutput);
            }
            peerRead.add(Double.parseDouble(times.group(1)));
            peerMetrics.add(Double.parseDouble(times.group(2)));
            peerValues = values.group(0);
            fulcrum.add(audit(data, plugins, out, 0));
            withBootstrap.add(audit(data, plugins, out, 1000));
        }
        JsonNode headline = Json.MAPPER.readTree(out.toFile()).at("/groupings/a & b/headline");
        Matcher expected = PEER_VALUES.matcher(peerValues);
        expected.find();
        double[] gaps = {
                Math.abs(headline.at("/demographic_parity_difference/value").asDouble() - Double.parseDouble(expected.group(1))),
                Math.abs(headline.at("/demographic_parity_ratio/value").asDouble() - Double.parseDouble(expected.group(2))),
                Math.abs(headline.at("/equalized_odds_difference/value").asDouble() - Double.parseDouble(expected.group(3)))};
        boolean agree = Arrays.stream(gaps).allMatch(gap -> gap < 1e-6);

        List<Times> warm = fulcrum.subList(1, fulcrum.size());
        double fulcrumAudit = median(warm.stream().map(Times::audit).toList());
        double fulcrumReadAndDecide = median(warm.stream().map(t -> t.read() + t.decide()).toList());
        double pandasMetrics = median(peerMetrics);
        double pandasRead = median(peerRead);
        System.out.printf(Locale.ROOT, "%d rows, two sensitive attributes (a: 2 values, b: 4; 8 intersectional groups), %d rounds, %d cores%n",
                rows, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  pandas %s: read_csv %.3f s, per-group metrics %.3f s (medians)%n", PandasAuditPeer.pandasVersion(), pandasRead, pandasMetrics);
        System.out.printf(Locale.ROOT, "  fulcrum audit: read %.3f s + labels to classes %.3f s, audit %.3f s (medians of warm rounds); "
                        + "cold first round: audit %.3f s%n", median(warm.stream().map(Times::read).toList()),
                median(warm.stream().map(Times::decide).toList()), fulcrumAudit, fulcrum.get(0).audit());
        System.out.printf(Locale.ROOT, "  fulcrum audit with 1000 bootstrap resamples: audit %.3f s (median)%n",
                median(withBootstrap.subList(1, withBootstrap.size()).stream().map(Times::audit).toList()));
        System.out.printf(Locale.ROOT, "  metrics: pandas / fulcrum = %.1fx; reading: pandas / fulcrum = %.2fx%n",
                pandasMetrics / fulcrumAudit, pandasRead / fulcrumReadAndDecide);
        System.out.printf(Locale.ROOT, "  peer %s; fulcrum differs by at most %.1e: %s%n", peerValues,
                Arrays.stream(gaps).max().orElse(0), agree ? "agree" : "DISAGREE");
        if (!agree) {
            System.exit(1);
        }
    }

    private static Times audit(Path data, Path plugins, Path out, int bootstrap) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = FulcrumCli.execute(new String[] {"audit", "--data", data.toString(), "--label", "y", "--prediction", "yhat",
                "--sensitive", "a,b", "--bootstrap", String.valueOf(bootstrap), "--out", out.toString(),
                "--plugins", plugins.toString()}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        Matcher times = FULCRUM_TIMES.matcher(stdout.toString());
        if (code != 0 || !times.find()) {
            throw new IllegalStateException("fulcrum audit failed (exit " + code + "):\n" + stdout + stderr);
        }
        return new Times(Double.parseDouble(times.group(1)), Double.parseDouble(times.group(2)), Double.parseDouble(times.group(3)));
    }
}
