package dev.soba.streams.ingest.anvil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests on a real node find anvil and the compiled contracts: the npm packages
 * {@code @foundry-rs/anvil}, {@code @uniswap/v2-core} and {@code @uniswap/v2-periphery} installed
 * into one folder (outside the repository), given by the system property {@code soba.node-tools} or
 * the environment variable {@code SOBA_NODE_TOOLS}; the build passes {@code ../node-tools} beside the
 * repository, where {@code .ci/run} installs them:
 * {@code npm install --prefix ../node-tools @foundry-rs/anvil@1.7.1 @uniswap/v2-core@1.0.1 @uniswap/v2-periphery@1.1.0-beta.0}.
 */
public final class NodeTools {

    public static final String PROPERTY = "soba.node-tools";
    public static final String ENVIRONMENT = "SOBA_NODE_TOOLS";

    private NodeTools() {
    }

    /** The folder, when set. */
    public static Optional<Path> folder() {
        final String configured = Optional.ofNullable(System.getProperty(PROPERTY))
                .filter(s -> !s.isBlank()).orElse(System.getenv(ENVIRONMENT));
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
    }

    /** The anvil binary the npm package ships for this platform. */
    public static Optional<Path> anvil() {
        return folder().flatMap(dev.soba.streams.ingest.devchain.Anvil::binaryUnder);
    }

    /** Skips the calling test, saying what is missing and how to install it. */
    public static void assumeInstalled() {
        final String how = " (install with: npm install --prefix ../node-tools @foundry-rs/anvil@1.7.1"
                + " @uniswap/v2-core@1.0.1 @uniswap/v2-periphery@1.1.0-beta.0, or point -D" + PROPERTY + " / "
                + ENVIRONMENT + " at such a folder)";
        Assumptions.assumeTrue(folder().isPresent(), "no node tools: " + PROPERTY + " and " + ENVIRONMENT + " are unset" + how);
        Assumptions.assumeTrue(anvil().isPresent(), "no anvil binary under " + folder().get() + how);
        Assumptions.assumeTrue(Files.isReadable(folder().get().resolve("node_modules/@uniswap/v2-core/build/UniswapV2Factory.json"))
                && Files.isReadable(folder().get().resolve("node_modules/@uniswap/v2-periphery/build/UniswapV2Router02.json")),
                "no Uniswap V2 artifacts under " + folder().get() + how);
    }
}
