package dev.eventshop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as a Markdown table, printed and written to a file. */
final class Report {

    private final List<String> lines = new ArrayList<>();
    private String machine = "";

    void machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: the line says so
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024 * 1024);
        machine = "%s, %d cores, %d GiB, %s %s, Java %s".formatted(cpu, Runtime.getRuntime().availableProcessors(),
                memory, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"));
    }

    void figure(String id, String what, double value, String unit) {
        add(id, what, value, unit, "");
    }

    /** A figure with a target: at most (or, when {@code atMost} is false, at least) the given value. */
    void target(String id, String what, double value, String unit, double target, boolean atMost) {
        boolean met = atMost ? value <= target : value >= target;
        add(id, what, value, unit, "%s %s %s: %s".formatted(atMost ? "<=" : ">=", number(target), unit,
                met ? "met" : "NOT met"));
    }

    void ratio(String id, String what, double value, double atLeast) {
        target(id, what, value, "", atLeast, false);
    }

    void ratio(String id, String what, double value, double target, boolean atMost) {
        target(id, what, value, "", target, atMost);
    }

    private void add(String id, String what, double value, String unit, String target) {
        String line = "| %s | %s | %s %s | %s |".formatted(id, what, number(value), unit, target);
        lines.add(line);
        System.out.println("BENCH " + line);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    void write(Path file) {
        List<String> text = new ArrayList<>(List.of("Machine: " + machine, "",
                "| | figure | value | target |", "| --- | --- | --- | --- |"));
        text.addAll(lines);
        text.forEach(System.out::println);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
