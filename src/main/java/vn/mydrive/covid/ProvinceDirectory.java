package vn.mydrive.covid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a province from any of its names as people or sources write them, and suggests the closest names
 * when nothing matches.
 */
public final class ProvinceDirectory {

    /** Ways of saying "the whole country". */
    private static final Set<String> WHOLE_COUNTRY = Set.of("viet nam", "vietnam", "ca nuoc", "toan quoc", "vn");

    private final Map<Integer, Province> byCode = new LinkedHashMap<>();
    private final Map<String, Province> byName = new HashMap<>();
    private final List<Province> alphabetical;

    public ProvinceDirectory(Collection<Province> provinces) {
        for (Province province : provinces) {
            byCode.put(province.code(), province);
            byName.put(PlaceNames.normalize(province.name()), province);
            for (String alias : province.aliases()) {
                byName.putIfAbsent(PlaceNames.normalize(alias), province);
            }
        }
        java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        alphabetical = byCode.values().stream().sorted(Comparator.comparing(Province::name, vietnamese)).toList();
    }

    public Optional<Province> find(String name) {
        return Optional.ofNullable(byName.get(PlaceNames.normalize(name)));
    }

    public Optional<Province> byCode(int code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public static boolean isWholeCountry(String name) {
        return WHOLE_COUNTRY.contains(PlaceNames.normalize(name));
    }

    public Collection<Province> all() {
        return byCode.values();
    }

    /** Every province in the alphabetical order of Vietnamese (sorted once: a collator is slow to compare with). */
    public List<Province> alphabetical() {
        return alphabetical;
    }

    /**
     * Up to {@code limit} canonical names close to {@code input}, closest first: names containing it, or a few typing
     * slips away from it (about one per three letters). A name like no province's gets no suggestion at all, rather
     * than three that only confuse ("Atlantis" is not "Cần Thơ").
     */
    public List<String> closest(String input, int limit) {
        String wanted = PlaceNames.normalize(input);
        int slips = Math.max(2, wanted.length() / 3);
        Map<Province, Integer> best = new HashMap<>();
        for (Map.Entry<String, Province> entry : byName.entrySet()) {
            int distance = entry.getKey().contains(wanted) && !wanted.isEmpty() ? 0
                    : PlaceNames.distance(wanted, entry.getKey());
            if (distance <= slips) {
                best.merge(entry.getValue(), distance, Math::min);
            }
        }
        List<Map.Entry<Province, Integer>> ranked = new ArrayList<>(best.entrySet());
        ranked.sort(Comparator.<Map.Entry<Province, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(e -> e.getKey().name()));
        return ranked.stream().limit(limit).map(e -> e.getKey().name()).toList();
    }

    /** Canonical names containing what was typed (ignoring case and diacritics), for autocompletion. */
    public List<String> complete(String typed, int limit) {
        String wanted = PlaceNames.normalize(typed);
        return byName.entrySet().stream()
                .filter(e -> e.getKey().contains(wanted))
                .map(e -> e.getValue().name())
                .distinct()
                .sorted(Comparator.comparing((String name) -> !PlaceNames.normalize(name).startsWith(wanted))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }
}
