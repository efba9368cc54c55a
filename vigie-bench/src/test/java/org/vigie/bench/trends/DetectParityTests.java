package org.vigie.bench.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.trends.DetectCommand;
import org.vigie.trends.detect.SpikeSettings;

/**
 * The harness scores the detector the product ships: {@code vigie.jar detect --profile bursty} (and
 * {@code --profile pattern}) on a NAB tuning file raises its alerts on exactly the rows the NAB
 * harness flags.
 */
class DetectParityTests {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Test
	void detectCommandRaisesTheAlertsTheHarnessScores() throws Exception {
		assertParity("bursty", SpikeSettings.forBurstySeries());
	}

	@Test
	void patternProfileRaisesTheAlertsTheHarnessScores() throws Exception {
		assertParity("pattern", NabReport.profile("pattern"));
	}

	private static void assertParity(String profile, SpikeSettings settings) throws Exception {
		Path nab = data().resolve("nab-realtweets");
		NabCorpus.Series series = NabCorpus.load(nab).series().stream().filter(s -> s.ticker().equals("CRM"))
			.findFirst().orElseThrow();
		boolean[] flags = NabReport.detections(series, settings);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < flags.length; i++) {
			if (flags[i]) {
				expected.add(series.timestamps().get(i).format(TIME));
			}
		}

		byte[] csv = Files.readAllBytes(nab.resolve("data/Twitter_volume_CRM.csv"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = new DetectCommand().run(new String[] { "--profile", profile }, new ByteArrayInputStream(csv),
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

		assertThat(status).isZero();
		List<String> alerted = out.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(0, l.indexOf(',')))
			.toList();
		assertThat(expected).isNotEmpty();
		assertThat(alerted).isEqualTo(expected);
	}

	/** {@code ../shared/data}, searched upwards from the module directory. */
	private static Path data() {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			Path candidate = p.resolveSibling("shared").resolve("data");
			if (Files.isDirectory(candidate.resolve("nab-realtweets"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("Cannot find ../shared/data/nab-realtweets");
	}
}
