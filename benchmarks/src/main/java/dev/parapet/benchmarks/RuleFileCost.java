package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Attributes a transaction's CPU time to CRS's request rule files: for each {@code REQUEST-9xx} file it builds
 * a firewall with the engine settings, {@code crs-setup}, the paranoia level, the initialization file (901),
 * that one file and the blocking evaluation (949), and measures CPU per transaction with {@link CpuProbe}; the
 * baseline (901 and 949 only) is subtracted. The sum of the parts comes close to the full rule set's cost,
 * so the list shows which rule families dominate a shape.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.RuleFileCost
 * [SHAPE[,SHAPE]] [count] [paranoia]}, e.g. {@code ... RuleFileCost GET_QUERY,POST_FORM 1000 1}.
 */
public final class RuleFileCost {

    private RuleFileCost() {
    }

    public static void main(String[] args) {
        List<RequestShape> shapes = new ArrayList<>();
        for (String name : (args.length > 0 ? args[0] : "GET_QUERY,POST_FORM").split(",")) {
            shapes.add(RequestShape.valueOf(name.trim()));
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int paranoia = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path crs = CrsDirectory.locate();
        List<Path> files = RulesetFixture.crsRuleFiles(crs);
        Path init = only(files, "REQUEST-901-");
        Path blocking = only(files, "REQUEST-949-");

        for (RequestShape shape : shapes) {
            double full = cpu(build(crs, paranoia, files), shape, count);
            double base = cpu(build(crs, paranoia, List.of(init, blocking)), shape, count);
            System.out.printf(Locale.ROOT, "%n%s at PL%d: full CRS %.1f µs CPU/tx, baseline (901+949) %.1f µs%n",
                    shape, paranoia, full, base);
            double sum = base;
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (file.equals(init) || file.equals(blocking)) {
                    continue;
                }
                double with = cpu(build(crs, paranoia, List.of(init, file, blocking)), shape, count);
                sum += with - base;
                System.out.printf(Locale.ROOT, "  %-45s %8.1f µs%n", name, with - base);
            }
            System.out.printf(Locale.ROOT, "  %-45s %8.1f µs (full: %.1f)%n", "sum of parts", sum, full);
        }
    }

    private static Path only(List<Path> files, String prefix) {
        return files.stream().filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "* file"));
    }

    private static Firewall build(Path crs, int paranoia, List<Path> ruleFiles) {
        Firewall.Builder builder = Firewall.builder()
                .directives("waf-base.conf", RulesetFixture.baseConfig())
                .file(crs.resolve("crs-setup.conf.example"))
                .directives("paranoia-level", RulesetFixture.paranoiaAction(paranoia), crs);
        for (Path file : ruleFiles) {
            builder.file(file);
        }
        return builder.build();
    }

    private static double cpu(Firewall firewall, RequestShape shape, int count) {
        return CpuProbe.measure(firewall, null, shape, count, 5).cpuMicros();
    }
}
