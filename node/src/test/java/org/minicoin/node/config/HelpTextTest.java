package org.minicoin.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTextTest {
    private final String help = Options.helpText();

    @Test
    void listsEveryVisibleOptionOnceWithItsParameter() {
        List<OptionSpec> visible = OptionTable.all().stream()
                .filter(s -> s.category() != OptionCategory.HIDDEN).toList();
        for (OptionSpec spec : visible) {
            String line = "\n  -" + spec.name() + spec.param() + "\n";
            assertThat(help).contains(line);
            assertThat(help.indexOf(line)).isEqualTo(help.lastIndexOf(line));
        }
    }

    @Test
    void listsEveryOptionTheBriefNames() {
        for (String name : ("datadir conf chain regtest printtoconsole debug port bind listen connect addnode "
                + "seednode maxconnections server rpcport rpcbind rpcallowip rpcuser rpcpassword rpcauth "
                + "rpccookiefile rpcthreads rpcworkqueue rest txindex loadblock reindex dbcache maxmempool "
                + "minrelaytxfee gen genproclimit mineraddress stopatheight pid help version").split(" ")) {
            assertThat(help).contains("\n  -" + name);
        }
    }

    @Test
    void hidesTheHelpAliases() {
        assertThat(help).doesNotContain("\n  -h\n").doesNotContain("\n  -?\n").contains("(also -h or -?)");
    }

    @Test
    void groupsInCoresOrderWithOptionsSortedWithinAGroup() {
        List<String> headings = new ArrayList<>();
        for (OptionCategory c : OptionCategory.values()) {
            if (c != OptionCategory.HIDDEN) {
                assertThat(help).contains("\n" + c.heading() + "\n\n");
                headings.add(c.heading());
            }
        }
        List<Integer> positions = headings.stream().map(help::indexOf).toList();
        assertThat(positions).isSorted();
        assertThat(help.indexOf("  -datadir=")).isBetween(positions.get(0), positions.get(1));
        assertThat(help.indexOf("  -addnode=")).isLessThan(help.indexOf("  -bind="));
        assertThat(help.indexOf("  -port=")).isBetween(positions.get(1), positions.get(2));
        assertThat(help.indexOf("  -rpcport=")).isGreaterThan(positions.get(positions.size() - 1));
    }

    @Test
    void wrapsTo79ColumnsWithTheHelpIndented() {
        for (String line : help.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(79);
            if (!line.isEmpty() && !line.endsWith(":") && !line.startsWith("  -") && !line.startsWith("Usage")) {
                assertThat(line).startsWith("       ").doesNotStartWith("        ");
            }
        }
    }

    @Test
    void showsNetworkDefaultsFromTheChainSpecs() {
        int devnetPort = org.minicoin.genesis.spec.ChainSpecs.builtIn("devnet").p2pPort();
        assertThat(help.replaceAll("\\s+", " ")).contains("regtest: 18444, devnet: " + devnetPort + ")");
    }
}
