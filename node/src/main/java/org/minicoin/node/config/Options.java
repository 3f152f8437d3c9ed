package org.minicoin.node.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minicoin.consensus.types.Amount;
import org.minicoin.genesis.spec.ChainSpec;
import org.minicoin.genesis.spec.ChainSpecException;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.config.OptionSpec.Flag;
import org.minicoin.node.config.Settings.Value;

/**
 * minicoind's settings: the command line, then the config file, merged as Bitcoin Core's ArgsManager merges them.
 * The command line beats the file; in the file, the chosen network's section ({@code [regtest]} or
 * {@code regtest.name=}) beats the top part, and within one layer the first assignment wins; options Core marks
 * network-only ({@code port}, {@code rpcport}, {@code bind}, {@code rpcbind}, {@code connect}, {@code addnode}) in the
 * top part apply to main only. Instances are immutable.
 *
 * <pre>{@code
 * Options options = Options.parse(args);          // command line only, enough for -help and -version
 * if (options.helpRequested()) { System.out.print(Options.helpText()); return; }
 * options = options.withConfigFile();             // adds minicoin.conf and selects the network
 * int dbcacheMiB = options.getInt("dbcache");
 * Path dir = options.networkDir();                // <datadir>/regtest/
 * }</pre>
 */
public final class Options {
    private static final String MAIN = "main";

    private final Settings settings;
    /** The network whose config section applies, null until the config file is read. */
    private final ChainSpec network;
    private final List<String> warnings;

    private Options(Settings settings, ChainSpec network, List<String> warnings) {
        this.settings = settings;
        this.network = network;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The command-line layer. Syntax as Core's ParseParameters: {@code -name=value}, {@code -name} (true, or an
     * empty value), {@code -noname} (false; {@code -noname=0} means true), {@code --name} as {@code -name}.
     *
     * @throws ConfigException for an unknown option ({@code Invalid parameter -foo}), a bad value, or an argument
     *                         that is not an option, which Core would take as the end of the options
     */
    public static Options parse(String... args) {
        Settings settings = Settings.empty();
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                // Core stops at the first non-option and bitcoind then refuses it (bitcoind.cpp ParseArgs).
                throw new ConfigException("Command line contains unexpected token '" + arg
                        + "', see minicoind -h for a list of options.");
            }
            String key = arg;
            String text = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                text = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (key.startsWith("--")) {
                key = key.substring(1);
            }
            // Core breaks at a lone "-" (bitcoin-tx reads stdin); minicoind has no use for it, so it is unknown.
            Key k = Key.of(key.substring(1));
            Optional<OptionSpec> spec = k.section().isEmpty() ? OptionTable.find(k.name()) : Optional.empty();
            try {
                if (spec.isEmpty()) {
                    throw new ConfigException("Invalid parameter " + arg);
                }
                settings.addCommandLine(k.name(), interpret(spec.get(), k.negated(), text));
            } catch (ConfigException e) {
                throw new ConfigException("Error parsing command line arguments: " + e.getMessage(), e);
            }
        }
        return new Options(settings, null, List.of());
    }

    /**
     * These options with the config file added and the network selected: {@code -conf}, relative to the data
     * directory, or {@code minicoin.conf} there; {@code -noconf} reads none. A missing default file is fine, a
     * missing {@code -conf} file is an error. Follows Core's ReadConfigFiles and InitConfig.
     *
     * @throws ConfigException for a file that cannot be read or parsed, a bad value in it, {@code conf=} in it, a
     *                         missing {@code -datadir}, an unusable chain, or a network-only option in the top part
     *                         of the file that would be ignored on the chosen network
     */
    public Options withConfigFile() {
        Options commandLine = new Options(settings.commandLineOnly(), null, List.of());
        commandLine.checkDataDir();
        Settings merged = settings.commandLineOnly();
        List<String> notes = new ArrayList<>();
        Optional<Path> file = commandLine.configPath();
        List<ConfigFile.Section> sections = file.isPresent() ? read(file.get(), merged, notes) : List.of();

        Options unselected = new Options(merged, null, notes);
        ChainSpec spec = unselected.chainSpec();
        Options selected = new Options(merged, spec, notes);
        selected.checkNetworkOnly();
        selected.checkDataDir();
        List<String> all = new ArrayList<>(notes);
        for (ConfigFile.Section section : sections) {
            if (!ChainSpecs.BUILT_IN.contains(section.name()) && !section.name().equals(spec.name())) {
                all.add(file.get() + ":" + section.line() + " Section [" + section.name() + "] is not recognized.");
            }
        }
        return new Options(merged, spec, all);
    }

    /** The {@code -help} text, generated from the option table. */
    public static String helpText() {
        return OptionTable.helpText();
    }

    /** Whether {@code -help}, {@code -h} or {@code -?} was given. */
    public boolean helpRequested() {
        return getBool("help") || getBool("h") || getBool("?");
    }

    /** A boolean option: its value, else its default. */
    public boolean getBool(String name) {
        OptionSpec spec = spec(name, OptionType.BOOL);
        Value value = value(spec);
        if (value == null) {
            return OptionSpec.interpretBool(spec.defaultValue());
        }
        return !value.negated() && OptionSpec.interpretBool(value.text());
    }

    /** An integer option: its value, else its default (for {@code -port} and {@code -rpcport}, the network's). */
    public long getLong(String name) {
        OptionSpec spec = spec(name, OptionType.INT);
        Value value = value(spec);
        return Long.parseLong(value == null ? defaultText(spec) : value.text());
    }

    /** {@link #getLong} for options whose range fits an int, which is all of them. */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /** An amount option ({@code -minrelaytxfee}, in coins): its value, else its default. */
    public Amount getAmount(String name) {
        OptionSpec spec = spec(name, OptionType.AMOUNT);
        Value value = value(spec);
        return Amount.parseCoins(value == null ? spec.defaultValue() : value.text());
    }

    /**
     * A single-valued option's text: its value, else its default; empty when negated ({@code -nopid}) or unset
     * without a default.
     */
    public Optional<String> getString(String name) {
        OptionSpec spec = spec(name, null);
        if (spec.has(Flag.REPEATABLE)) {
            throw new IllegalArgumentException("-" + spec.name() + " may be given many times; read it with getAll");
        }
        Value value = value(spec);
        if (value == null) {
            return Optional.ofNullable(spec.defaultValue());
        }
        return value.negated() ? Optional.empty() : Optional.of(value.text());
    }

    /**
     * Every value of a repeatable option in order: command line, then the network's section, then the top of the
     * file (Core combines them); a negation ({@code -noconnect}) drops the values before it and lower layers'.
     */
    public List<String> getAll(String name) {
        OptionSpec spec = spec(name, null);
        if (!spec.has(Flag.REPEATABLE)) {
            throw new IllegalArgumentException("-" + spec.name() + " takes one value; read it with a typed getter");
        }
        return List.copyOf(settings.getAll(section(), spec.name(), !useDefaultSection(spec)));
    }

    /**
     * A path option ({@code -pid}, {@code -rpccookiefile}) resolved against {@link #networkDir()} when relative,
     * as Core's AbsPathForConfigVal; empty when negated.
     */
    public Optional<Path> getPath(String name) {
        return getString(name).map(p -> networkDir().resolve(p));
    }

    /** Whether the option was given, negated or not, in a layer that applies. */
    public boolean isSet(String name) {
        return value(spec(name, null)) != null;
    }

    /** Whether the value that counts is a negation ({@code -noconnect}). */
    public boolean isNegated(String name) {
        Value value = value(spec(name, null));
        return value != null && value.negated();
    }

    /**
     * The chain asked for: {@code -chain}'s value (a built-in name or a spec file's path), else {@code regtest} for
     * {@code -regtest}, else {@code main}. Read from the command line and the top of the file only, as Core.
     *
     * @throws ConfigException when {@code -regtest} and a different {@code -chain} are both given
     */
    public String chain() {
        Value regtestValue = settings.get("", "regtest", false, true);
        boolean regtest = regtestValue != null && !regtestValue.negated()
                && OptionSpec.interpretBool(regtestValue.text());
        Value chain = settings.get("", "chain", false, false);
        // Core refuses any two chain options, even -regtest -chain=regtest; saying the same thing twice is allowed.
        if (chain != null && regtest && !chain.text().equals("regtest")) {
            throw new ConfigException("Invalid combination of -regtest and -chain. Can use at most one.");
        }
        if (chain != null) {
            return chain.text();
        }
        return regtest ? "regtest" : MAIN;
    }

    /**
     * The chosen network's spec: built in, or read from the file {@link #chain()} names.
     *
     * @throws ConfigException when the spec file is missing or invalid, or takes a built-in network's name
     */
    public ChainSpec chainSpec() {
        if (network != null) {
            return network;
        }
        String chain = chain();
        if (ChainSpecs.BUILT_IN.contains(chain)) {
            return ChainSpecs.builtIn(chain);
        }
        ChainSpec spec;
        try {
            spec = ChainSpecs.load(chain);
        } catch (ChainSpecException e) {
            throw new ConfigException("Invalid -chain: " + e.getMessage(), e);
        }
        if (ChainSpecs.BUILT_IN.contains(spec.name())) {
            // It would share that network's data directory and config section.
            throw new ConfigException("Invalid -chain: " + chain + " is named " + spec.name()
                    + ", the name of a built-in network");
        }
        return spec;
    }

    /** The network's name: its config section and data subdirectory. */
    public String networkName() {
        return chainSpec().name();
    }

    /** The data directory root: {@code -datadir} (which the config file may also set), else {@code ~/.minicoin}. */
    public Path dataDir() {
        Optional<String> dir = getString("datadir").filter(d -> !d.isEmpty());
        return dir.map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".minicoin"))
                .toAbsolutePath().normalize();
    }

    /** {@code <datadir>/<network>/}, for every network including main (Core keeps main's files in the root). */
    public Path networkDir() {
        return dataDir().resolve(networkName());
    }

    /** What start-up should warn about: unknown config keys (which Core ignores too), unknown sections. */
    public List<String> warnings() {
        return warnings;
    }

    private static Value interpret(OptionSpec spec, boolean negated, String text) {
        if (negated) {
            if (spec.has(Flag.DISALLOW_NEGATION)) {
                throw new ConfigException("Negating of -" + spec.name() + " is meaningless and therefore forbidden");
            }
            if (text != null) {
                if (!OptionSpec.isBool(text)) {
                    throw new ConfigException("Invalid value for -no" + spec.name() + ": '" + text
                            + "' (expected 0 or 1)");
                }
                if (!OptionSpec.interpretBool(text)) {
                    return new Value("1"); // -noname=0, a double negative: true, as Core
                }
            }
            return Value.NEGATED;
        }
        if (text == null) {
            if (spec.has(Flag.DISALLOW_ELISION)) {
                throw new ConfigException("Can not set -" + spec.name() + " with no value. Please specify value with -"
                        + spec.name() + "=value.");
            }
            text = "";
        }
        spec.check(text);
        return new Value(text);
    }

    /** Reads {@code file} into {@code settings}, noting warnings; returns the sections it named. */
    private static List<ConfigFile.Section> read(Path file, Settings settings, List<String> notes) {
        ConfigFile.Contents contents;
        try {
            contents = ConfigFile.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            for (ConfigFile.Entry entry : contents.entries()) {
                Key key = Key.of(entry.key());
                if (key.name().equals("conf")) {
                    throw new ConfigException("conf cannot be set in the configuration file");
                }
                Optional<OptionSpec> spec = OptionTable.find(key.name());
                if (spec.isEmpty()) {
                    // As bitcoind: the file may be shared with other tools that have options of their own.
                    notes.add("Ignoring unknown configuration value " + entry.key());
                    continue;
                }
                if (key.name().equals("reindex")) {
                    notes.add("reindex=1 is set in the configuration file, which will significantly slow down "
                            + "startup. Consider removing or commenting out this option for better performance, "
                            + "unless there is currently a condition which makes rebuilding the indexes necessary");
                }
                settings.addConfig(key.section(), key.name(), interpret(spec.get(), key.negated(), entry.value()));
            }
        } catch (ConfigException e) {
            throw new ConfigException("Error reading configuration file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Error reading configuration file: specified config file \"" + file
                    + "\" could not be opened.", e);
        }
        return contents.sections();
    }

    /** The config file to read: none for {@code -noconf}, none if the default file is missing. */
    private Optional<Path> configPath() {
        Optional<String> conf = getString("conf");
        if (conf.isEmpty()) {
            return Optional.empty();
        }
        Path path = dataDir().resolve(conf.get().isEmpty() ? OptionTable.CONF_FILENAME : conf.get());
        if (Files.isDirectory(path)) {
            throw new ConfigException("Error reading configuration file: Config file \"" + path
                    + "\" is a directory.");
        }
        if (!Files.isReadable(path)) {
            if (isSet("conf")) {
                throw new ConfigException("Error reading configuration file: specified config file \"" + path
                        + "\" could not be opened.");
            }
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /** Core's CheckDataDirOption: a given -datadir must exist; the default one is created by the daemon. */
    private void checkDataDir() {
        Optional<String> dir = getString("datadir").filter(d -> !d.isEmpty());
        if (dir.isPresent() && !Files.isDirectory(Path.of(dir.get()))) {
            throw new ConfigException("Specified data directory \"" + dir.get() + "\" does not exist.");
        }
    }

    /** Core's GetUnsuitableSectionOnlyArgs check in init.cpp: an error, not a silent fallback to defaults. */
    private void checkNetworkOnly() {
        String name = network.name();
        if (name.equals(MAIN)) {
            return;
        }
        List<String> errors = new ArrayList<>();
        OptionTable.all().stream().filter(s -> s.has(Flag.NETWORK_ONLY)).map(OptionSpec::name).sorted()
                .filter(option -> settings.onlyInDefaultSection(name, option))
                .forEach(option -> errors.add("Config setting for -" + option + " only applied on " + name
                        + " network when in [" + name + "] section."));
        if (!errors.isEmpty()) {
            throw new ConfigException(String.join("\n", errors));
        }
    }

    private String section() {
        return network == null ? "" : network.name();
    }

    /** Core's UseDefaultSection: the top of the file applies to main, and to other networks but for network-only. */
    private boolean useDefaultSection(OptionSpec spec) {
        return network == null || network.name().equals(MAIN) || !spec.has(Flag.NETWORK_ONLY);
    }

    private Value value(OptionSpec spec) {
        return settings.get(section(), spec.name(), !useDefaultSection(spec), false);
    }

    private String defaultText(OptionSpec spec) {
        if (spec.defaultValue() != null) {
            return spec.defaultValue();
        }
        return switch (spec.name()) {
            case "port" -> Integer.toString(chainSpec().p2pPort());
            case "rpcport" -> Integer.toString(chainSpec().rpcPort());
            default -> throw new IllegalStateException("-" + spec.name() + " has no default");
        };
    }

    /** The option {@code name} (a leading dash is allowed), which must be of {@code type} unless that is null. */
    private static OptionSpec spec(String name, OptionType type) {
        String bare = name.startsWith("-") ? name.substring(1) : name;
        OptionSpec spec = OptionTable.find(bare)
                .orElseThrow(() -> new IllegalArgumentException("no option -" + bare));
        if (type != null && spec.type() != type) {
            throw new IllegalArgumentException("-" + bare + " is " + spec.type() + ", not " + type);
        }
        return spec;
    }

    /** A key as Core's InterpretKey splits it: {@code regtest.noport} is section regtest, name port, negated. */
    private record Key(String section, String name, boolean negated) {
        static Key of(String key) {
            String section = "";
            int dot = key.indexOf('.');
            if (dot >= 0) {
                section = key.substring(0, dot);
                key = key.substring(dot + 1);
            }
            boolean negated = key.startsWith("no");
            return new Key(section, negated ? key.substring(2) : key, negated);
        }
    }
}
