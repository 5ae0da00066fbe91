package vn.mydrive.covid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the bundled data set ({@code covid/provinces.csv} and {@code covid/daily.csv}, see their README),
 * which the lookup serves when no live source can be reached.
 */
public final class SnapshotLoader {

    public static final String SOURCE = "snapshot";

    private SnapshotLoader() {
    }

    public static List<Province> provinces() {
        List<Province> provinces = new ArrayList<>();
        for (String[] row : rows("covid/provinces.csv")) {
            List<String> aliases = row.length < 3 || row[2].isBlank() ? List.of() : Arrays.asList(row[2].split(";"));
            provinces.add(new Province(Integer.parseInt(row[0]), row[1], List.copyOf(aliases)));
        }
        return provinces;
    }

    public static List<DailyFigure> daily() {
        List<DailyFigure> daily = new ArrayList<>(41_000);
        for (String[] row : rows("covid/daily.csv")) {
            daily.add(new DailyFigure(Integer.parseInt(row[1]), LocalDate.parse(row[0]), number(row, 2), number(row, 3)));
        }
        return daily;
    }

    private static Long number(String[] row, int index) {
        return row.length <= index || row[index].isBlank() ? null : Long.valueOf(row[index]);
    }

    private static List<String[]> rows(String resource) {
        InputStream in = SnapshotLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The bundled " + resource + " is missing from the application");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
