package org.rxradar.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxradar.tag.Evaluation;
import org.rxradar.tag.LabeledItem;
import org.rxradar.tag.Tagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rxradar eval FILE}: scores the tagger on a labeled JSON-lines file and prints the figures. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores the tagger on a labeled JSON-lines file (gold labels as in dev-items.jsonl).")
public final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "labeled items, one JSON object per line")
    Path file;

    @Option(names = "--rules", paramLabel = "FILE", description = "an extra rules file added to the built-in rules")
    Path rules;

    @Option(names = "--semantic", defaultValue = "UNSURE", paramLabel = "ALL|UNSURE|OFF",
            description = "where the semantic signal runs: every item, only where the rules found no setting or at most one topic in a news story, or nowhere (the rules alone; default ${DEFAULT-VALUE})")
    Tagger.Semantic semantic;

    @Option(names = "--misses", defaultValue = "10", description = "how many of the worst misses to show (default ${DEFAULT-VALUE})")
    int misses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("eval: no such file: " + file);
            return 2;
        }
        Tagger tagger = semantic == Tagger.Semantic.OFF && rules == null ? Tagger.rulesOnly()
                : (rules == null ? Tagger.builtIn() : Tagger.withRules(rules)).withSemantic(semantic);
        List<LabeledItem> items;
        try {
            items = LabeledItem.read(file);
        } catch (RuntimeException e) {
            err.println("eval: " + e.getMessage());
            return 2;
        }
        Evaluation.Report r = Evaluation.run(tagger, items);
        out.printf(Locale.ROOT, "%d items (%d job leads)%n%n", r.items(), r.jobLeads());
        facet(out, r.settings());
        facet(out, r.topics());
        out.printf(Locale.ROOT, "relevance accuracy      %.3f%n", r.relevanceAccuracy());
        if (r.jobLeads() > 0) out.printf(Locale.ROOT, "salary exact match      %.3f  (job leads)%n", r.salaryExact());
        out.printf(Locale.ROOT, "certification F1        %.3f%n", r.certificationF1());
        if (r.jobLeads() > 0) {
            out.printf(Locale.ROOT, "employment exact match  %.3f  (job leads)%n", r.employmentExact());
            out.printf(Locale.ROOT, "shift exact match       %.3f  (job leads)%n", r.shiftExact());
        }
        if (!r.misses().isEmpty() && misses > 0) {
            out.println();
            out.println("worst misses:");
            for (Evaluation.Miss m : r.misses().subList(0, Math.min(misses, r.misses().size()))) {
                out.printf("  %s  %s%n", m.id(), m.title());
                for (String p : m.problems()) out.println("      - " + p);
                for (Map.Entry<String, List<String>> e : m.evidence().entrySet()) {
                    out.println("      " + e.getKey() + ": " + String.join(" | ", e.getValue()));
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void facet(PrintWriter out, Evaluation.FacetScore f) {
        out.printf(Locale.ROOT, "%-22s %6s %6s %6s %4s %4s %4s%n", f.facet(), "P", "R", "F1", "tp", "fp", "fn");
        for (Evaluation.LabelScore l : f.labels()) {
            out.printf(Locale.ROOT, "  %-20s %6.3f %6.3f %6.3f %4d %4d %4d%n", l.label(), l.precision(), l.recall(), l.f1(), l.tp(), l.fp(), l.fn());
        }
        out.printf(Locale.ROOT, "  micro-F1 %.3f   macro-F1 %.3f%n%n", f.microF1(), f.macroF1());
    }
}
