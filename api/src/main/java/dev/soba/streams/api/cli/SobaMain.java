package dev.soba.streams.api.cli;

import dev.soba.streams.benchmarks.AccuracyBench;
import dev.soba.streams.benchmarks.BenchCommand;
import dev.soba.streams.benchmarks.IngestBench;
import dev.soba.streams.benchmarks.NlpBench;
import dev.soba.streams.benchmarks.PipelineBench;
import dev.soba.streams.benchmarks.QueryBench;
import dev.soba.streams.cli.Args;
import dev.soba.streams.cli.ContractsCommand;
import dev.soba.streams.cli.FraudCommand;
import dev.soba.streams.cli.IngestCommand;
import dev.soba.streams.cli.LabelsCommand;
import dev.soba.streams.cli.MevCommand;
import dev.soba.streams.cli.NlpCommand;
import dev.soba.streams.cli.PoolsCommand;
import dev.soba.streams.cli.PredictCommand;
import dev.soba.streams.cli.RejectedCommand;
import dev.soba.streams.cli.ReplayCommand;
import dev.soba.streams.cli.SimulateCommand;
import dev.soba.streams.cli.TopicsCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * The {@code ./soba} launcher. {@code serve} (the default) runs the application against the
 * servers in its configuration; {@code demo} first starts embedded real servers; the other
 * commands are tools that run without starting the application.
 */
@QuarkusMain
public final class SobaMain {

    static final String USAGE = """
            usage: soba COMMAND [OPTIONS]
              demo                 start embedded Kafka, PostgreSQL and Redis, the pipeline, the API on :8080 and a synthetic chain
              serve                run the pipeline and the API against external servers (configuration / environment)
              keys create|list|revoke   manage API keys
              replay FILE...       produce ethereum-etl JSON lines, trade CSVs or candle CSVs to Kafka
              pools import FILE    import pools (tokens, symbols, decimals) into the pool registry
              mev inspect FILE...  find sandwiches, arbitrage, liquidations, JIT liquidity in block files (offline)
              mev bench            blocks analysed per second on mev-inspect's test blocks
              bench market         swaps decoded and ticks aggregated per second, beside the raw broker read rate
              bench pipeline       the full topology's rate and latency, beside the raw broker read rate
              bench queries        interactive queries under load on two instances: local and forwarded keys, beside a trivial endpoint
              bench accuracy       precision and recall of the pipeline's MEV findings on simulated traffic
              ingest --rpc URL     follow a node's chain live into the input topics (ethereum-etl's format; reorgs; resumes)
              bench ingest         blocks ingested per second from a local anvil chain, beside its raw JSON-RPC answers
              simulate             the market simulator (DEX economy, MEV bots, phishing drains, ticks, ground truth) to Kafka
              topics create        create the pipeline's missing topics (what serve does at start)
              contracts analyze FILE...  functions, standards, proxy, compiler and risks of contract bytecode (offline)
              contracts bench FILE...    contracts analysed per second and the worst case, beside evmole with --evmole
              rejected             the records the pipeline set aside, filtered by topic, reason and time; --follow
              nlp detect [FILE]    the language of each line (offline, Lingua): one JSON object per line
              nlp evaluate         language-detection accuracy per language on Debian's translated messages
              bench nlp            detections and translations per second on request, beside a trivial endpoint
              predict train|score|backtest   price forecasts from one-minute candle CSVs (offline): fit, forecast, walk-forward table
              fraud train|score|activate   train the wallet fraud model (cross-validated), score a table, activate a model everywhere
              labels import FILE   labelled addresses (Etherscan/Forta lists, your own) for the fraud scores
              help                 this text

            """ + DemoCommand.USAGE + "\n\n" + KeysCommand.USAGE + "\n\n" + ReplayCommand.USAGE + "\n\n" + PoolsCommand.USAGE
            + "\n\n" + MevCommand.USAGE + "\n\n" + BenchCommand.USAGE
            + "\n\n" + PipelineBench.USAGE + "\n\n" + QueryBench.USAGE + "\n\n" + AccuracyBench.USAGE + "\n\n" + SimulateCommand.USAGE
            + "\n\n" + IngestCommand.USAGE + "\n\n" + IngestBench.USAGE + "\n\n" + TopicsCommand.USAGE
            + "\n\n" + ContractsCommand.USAGE
            + "\n\n" + RejectedCommand.USAGE
            + "\n\n" + NlpCommand.USAGE + "\n\n" + NlpBench.USAGE
            + "\n\n" + PredictCommand.USAGE
            + "\n\n" + FraudCommand.USAGE + "\n\n" + LabelsCommand.USAGE;

    SobaMain() {
    }

    public static void main(final String... args) {
        final String command = args.length == 0 ? "serve" : args[0];
        final String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.equals("serve")) {
            Quarkus.run(rest);
            return;
        }
        int code;
        try {
            code = switch (command) {
                case "demo" -> DemoCommand.run(rest);
                case "keys" -> KeysCommand.run(rest, System.out);
                case "replay" -> ReplayCommand.run(rest, System.out);
                case "pools" -> PoolsCommand.run(rest, System.out);
                case "mev" -> MevCommand.run(rest, System.out);
                case "bench" -> BenchCommand.run(rest, System.out);
                case "simulate" -> SimulateCommand.run(rest, System.out);
                case "ingest" -> IngestCommand.run(rest, System.out);
                case "topics" -> TopicsCommand.run(rest, System.out);
                case "contracts" -> ContractsCommand.run(rest, System.out);
                case "rejected" -> RejectedCommand.run(rest, System.out);
                case "nlp" -> NlpCommand.run(rest, System.out);
                case "predict" -> PredictCommand.run(rest, System.out);
                case "fraud" -> FraudCommand.run(rest, System.out);
                case "labels" -> LabelsCommand.run(rest, System.out);
                case "help", "--help", "-h" -> {
                    System.out.println(USAGE);
                    yield 0;
                }
                default -> throw new Args.UsageException("unknown command '" + command + "'");
            };
        } catch (final Args.UsageException e) {
            System.err.println("soba: " + e.getMessage() + "\n\n" + USAGE);
            code = 2;
        } catch (final Exception e) {
            System.err.println("soba " + command + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            code = 1;
        }
        System.exit(code);
    }
}
