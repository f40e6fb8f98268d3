package dev.soba.streams.processors.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelCsvTest {

    private static List<LabelCsv.Line> parse(final String csv) throws Exception {
        return LabelCsv.parse(new BufferedReader(new StringReader(csv)), "my-file.csv");
    }

    @Test
    void ownListAndPublishedLayoutsAreRead() throws Exception {
        final List<LabelCsv.Line> own = parse("address,label,source\n0x00000000000000000000000000000000000000AA,scam,me\n");
        assertThat(own).containsExactly(new LabelCsv.Labelled(2,
                new WalletLabel("0x00000000000000000000000000000000000000aa", "scam", "me")));
        final List<LabelCsv.Line> etherscan = parse("banned_address,wallet_tag,data_source\n"
                + "0x80d7bb18521acbef32d7906502ebe94928690e93,Fake_Phishing1772,etherscan-phish-hack-list\n");
        assertThat(((LabelCsv.Labelled) etherscan.get(0)).label().label()).isEqualTo("Fake_Phishing1772");
        final List<LabelCsv.Line> contracts = parse("contract_address,contract_tag,contract_creator,source\n"
                + "0x04ae3226c80e8c04d35e6e56089345bdd06da6de,\"Exploiter, 10\",0x98f5b0a99f258a09403d965647ee9d53677914af,Luabase\n"
                + "0x04ae3226c80e8c04d35e6e56089345bdd06da6df,,0x98f5b0a99f258a09403d965647ee9d53677914af,\n");
        assertThat(((LabelCsv.Labelled) contracts.get(0)).label()).isEqualTo(
                new WalletLabel("0x04ae3226c80e8c04d35e6e56089345bdd06da6de", "Exploiter, 10", "Luabase"));
        assertThat(((LabelCsv.Labelled) contracts.get(1)).label().label()).isEqualTo("my-file.csv");
    }

    @Test
    void aBadAddressOrAMissingColumnIsRejectedWithItsLine() throws Exception {
        assertThat(parse("address,label\n0x12,scam\n")).singleElement()
                .isInstanceOfSatisfying(LabelCsv.Rejected.class, r -> {
                    assertThat(r.lineNumber()).isEqualTo(2);
                    assertThat(r.reason()).contains("address");
                });
        assertThat(parse("who,label\n")).singleElement().isInstanceOf(LabelCsv.Rejected.class);
    }
}
