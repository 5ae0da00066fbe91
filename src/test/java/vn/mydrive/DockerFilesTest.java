package vn.mydrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of docker/ on a machine without a Docker engine: the compose file parses and has the
 * cluster it promises, every variable it sets is a key the app reads, and the Dockerfiles copy files that
 * exist and use the server versions the build uses.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileDescribesTheCluster() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        assertEquals(Set.of("mongo1", "mongo2", "mongo3", "mongo-init", "app-wildfly", "app-payara"), services.keySet());
        for (String mongo : List.of("mongo1", "mongo2", "mongo3")) {
            List<String> command = (List<String>) ((Map<String, Object>) services.get(mongo)).get("command");
            assertTrue(command.containsAll(List.of("--replSet", "rs0")), mongo);
        }
        for (String app : List.of("app-wildfly", "app-payara")) {
            Map<String, String> environment = (Map<String, String>) ((Map<String, Object>) services.get(app)).get("environment");
            assertTrue(environment.get("MYDRIVE_MONGODB_URI").contains("replicaSet=rs0"), app);
            assertTrue(environment.containsKey("MYDRIVE_JWT_PRIVATE_KEY"), app + " shares the signing key");
        }
    }

    @Test
    void everyVariableTheDockerFilesSetIsAKeyTheAppReads() throws IOException {
        Set<String> keys = configurationKeys();
        Pattern variable = Pattern.compile("\\b(MYDRIVE_[A-Z0-9_]+)\\b");
        for (String file : List.of("docker/compose.yaml", "docker/wildfly/Dockerfile", "docker/payara/Dockerfile")) {
            Matcher m = variable.matcher(Files.readString(ROOT.resolve(file)));
            while (m.find()) {
                String name = m.group(1);
                assertTrue(keys.contains(name), file + " sets " + name + ", which is no configuration key");
            }
        }
    }

    @Test
    void theDockerfilesCopyWhatExistsOnTheVersionsTheBuildUses() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String wildflyVersion = tag(pom, "wildfly.version").replace(".Final", "");
        String wildfly = Files.readString(ROOT.resolve("docker/wildfly/Dockerfile"));
        String payara = Files.readString(ROOT.resolve("docker/payara/Dockerfile"));
        assertTrue(wildfly.contains("wildfly:" + wildflyVersion), "WildFly image version");
        assertTrue(payara.contains("server-full:" + tag(pom, "payara.version")), "Payara image version");
        Matcher copy = Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) ").matcher(wildfly + "\n" + payara);
        while (copy.find()) {
            String source = copy.group(1);
            assertTrue(source.equals("target/mydrive.war") || Files.exists(ROOT.resolve(source)), source);
        }
    }

    /** Every key of microprofile-config.properties (commented ones included), as environment variable names. */
    private static Set<String> configurationKeys() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(in);
        }
        Set<String> keys = properties.stringPropertyNames().stream().collect(Collectors.toSet());
        // Keys without a default are documented in comments ("# mydrive.mongodb.uri: unset = ...").
        for (String line : Files.readAllLines(ROOT.resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
            if (line.startsWith("#")) {
                Matcher key = Pattern.compile("mydrive\\.[a-z0-9.-]*[a-z0-9]").matcher(line);
                while (key.find()) {
                    keys.add(key.group());
                }
            }
        }
        return keys.stream().map(k -> k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static String tag(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(m.find(), name);
        return m.group(1);
    }
}
