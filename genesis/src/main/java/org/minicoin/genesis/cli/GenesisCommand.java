package org.minicoin.genesis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import org.minicoin.genesis.spec.ChainSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genesis}: create a new network ({@code new}) or print one's parameters ({@code show}). Exit codes: 0 on
 * success, 1 when the request cannot be carried out (bad value, bad spec file, I/O), 2 for a malformed command line.
 */
@Command(name = "genesis", description = "Create minicoin networks and inspect their chain specs.",
        synopsisSubcommandLabel = "(new | show)")
public final class GenesisCommand implements Runnable {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: new or show");
    }

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC()).execute(args));
    }

    /** The command line with its subcommands; {@code clock} supplies the default genesis time of {@code new}. */
    public static CommandLine commandLine(Clock clock) {
        CommandLine cl = new CommandLine(new GenesisCommand());
        cl.addSubcommand("new", new NewCommand(clock));
        cl.addSubcommand("show", new ShowCommand());
        cl.setParameterExceptionHandler(GenesisCommand::usageError);
        cl.setExecutionExceptionHandler(GenesisCommand::failure);
        return cl;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("genesis: " + e.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return EXIT_USAGE;
    }

    private static int failure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UserError || e instanceof ChainSpecException) {
            err.println("genesis: " + e.getMessage());
        } else if (e instanceof IOException) {
            err.println("genesis: " + e);
        } else {
            // A bug, not a user mistake: keep the stack trace for the report.
            err.println("genesis: internal error: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }
}
