package dev.fulcrum.core.tune;

import dev.fulcrum.core.threads.ThreadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker processes of a study with {@code parallel: N}: N JVMs on this machine, started with this
 * one's class path, JVM options and {@code fulcrum.*} settings, each given the cores divided by N
 * ({@link ThreadSettings#CORES_PROPERTY}, and no more OpenMP threads than that) and a share of the
 * memory ({@link WorkerMemory}), each logging to
 * {@code workers/<id>.log} in the study folder. A worker ends when its parent does, however that dies.
 */
final class WorkerProcesses {

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();

    private WorkerProcesses() {
    }

    /** @param workerArguments the launcher's arguments for {@code tune worker}, without {@code --worker-id} */
    static WorkerProcesses start(int count, StudyFolder folder, List<String> workerArguments) {
        int cores = Math.max(1, ThreadSettings.cores() / count);
        WorkerProcesses workers = new WorkerProcesses();
        try {
            Files.createDirectories(folder.workers());
            for (int i = 1; i <= count; i++) {
                String id = "w" + i + "-" + ProcessHandle.current().pid();
                List<String> command = new ArrayList<>(javaCommand(cores, count));
                command.addAll(List.of("tune", "worker"));
                command.addAll(workerArguments);
                command.addAll(List.of("--worker-id", id));
                Path log = folder.workers().resolve(id + ".log");
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().put("OMP_NUM_THREADS", String.valueOf(ompThreads(cores)));
                workers.processes.put(id, builder.start());
                workers.logs.put(id, log);
            }
        } catch (IOException e) {
            workers.destroy();
            throw new UncheckedIOException("cannot start the study's worker processes", e);
        }
        return workers;
    }

    private static List<String> javaCommand(int cores, int workers) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> launcherOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : launcherOptions) {
            // The fulcrum.* settings follow from this JVM's properties, whatever set them.
            if (!option.startsWith("-Dfulcrum.")) {
                command.add(option);
            }
        }
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        command.addAll(WorkerMemory.options(launcherOptions, physical, workers));
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("fulcrum.") && !name.equals(ThreadSettings.CORES_PROPERTY))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add("-D" + ThreadSettings.CORES_PROPERTY + "=" + cores);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.fulcrum.core.cli.FulcrumCli"));
        return command;
    }

    /** ND4J's OpenMP threads: as the user set them (bin/fulcrum sets 1), at most the worker's cores. */
    private static int ompThreads(int cores) {
        String set = System.getenv("OMP_NUM_THREADS");
        try {
            return set == null ? 1 : Math.max(1, Math.min(cores, Integer.parseInt(set.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    boolean anyAlive() {
        return processes.values().stream().anyMatch(Process::isAlive);
    }

    /** Each worker's exit code, once all have ended. */
    Map<String, Integer> exitCodes() throws InterruptedException {
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Map.Entry<String, Process> worker : processes.entrySet()) {
            codes.put(worker.getKey(), worker.getValue().waitFor());
        }
        return codes;
    }

    Path log(String id) {
        return logs.get(id);
    }

    void destroy() {
        processes.values().forEach(Process::destroy);
    }
}
