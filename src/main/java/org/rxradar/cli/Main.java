package org.rxradar.cli;

import org.rxradar.bus.BusException;
import org.rxradar.bus.DataDirInUseException;
import org.rxradar.bus.InstanceFencedException;
import org.rxradar.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rxradar} command: one subcommand per job, each documented by its own {@code --help}. */
@Command(name = "rxradar",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Job leads and industry news for pharmacy technicians: fetches feeds and career pages, "
                        + "tags them by setting and topic, and delivers daily digests, topic feeds and trends.",
                "",
                "Start with `rxradar demo` to see the whole pipeline on bundled samples; "
                        + "`rxradar COMMAND --help` documents each command."},
        subcommands = {
                RunCommand.class,
                DemoCommand.class,
                SubscribersCommand.class,
                DigestCommand.class,
                PreviewCommand.class,
                SourcesCommand.class,
                TagCommand.class,
                EvalCommand.class,
                TrendsCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_BUS = 3;
    /** Another RxRadar runs on the data directory: nothing was done. */
    public static final int EXIT_IN_USE = 4;
    /** A stage was fenced: another process runs with this instance's id ({@code instance.id}). */
    public static final int EXIT_FENCED = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException c) {
                // every problem of the file, one line each
                for (ConfigException.Problem p : c.problems())
                    commandLine.getErr().println("rxradar: configuration error: " + p.line());
                return EXIT_CONFIG;
            }
            if (e instanceof DataDirInUseException) {
                commandLine.getErr().println("rxradar: " + e.getMessage());
                return EXIT_IN_USE;
            }
            if (e instanceof InstanceFencedException) {
                commandLine.getErr().println("rxradar: " + e.getMessage());
                return EXIT_FENCED;
            }
            if (e instanceof BusException) {
                commandLine.getErr().println("rxradar: Kafka error: " + e.getMessage());
                return EXIT_BUS;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
