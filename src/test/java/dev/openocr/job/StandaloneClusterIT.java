package dev.openocr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openocr.imageio.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster: Master and Worker in their own JVMs, the job submitted with
 * SparkSubmit from the shaded application jar. The test engine (blob detector) ships as an extra
 * jar, chosen with {@code openocr.engine.factory}. Needs {@code mvn package} first.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StandaloneClusterIT {
  private static final Path APP_JAR = Path.of("target/openocr-app.jar");
  private static final Path CLASSPATH = Path.of("target/classpath.txt");
  /** Longest wait for the submitted job; a dead executor otherwise hangs it. */
  private static final long JOB_TIMEOUT_SECONDS = 240;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopCluster() {
    for (Process p : started) {
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void runsTheJobFromTheApplicationJar(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isRegularFile(APP_JAR) && Files.isRegularFile(CLASSPATH),
        "Skipped: run 'mvn -o -DskipTests package' first to build " + APP_JAR + " and "
            + CLASSPATH);
    Path sparkHome = sparkHome(tmp.resolve("spark-home"));
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.write(in.resolve("a.png"), TestImages.png(TestImages.page(320, 160, 3)));
    Files.write(in.resolve("b.tif"), TestImages.tiff(
        List.of(TestImages.page(200, 100, 1), TestImages.page(200, 100, 2))));
    Files.write(in.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    Path testJar = testEngineJar(tmp.resolve("test-engine.jar"));
    Path out = tmp.resolve("out");
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;

    start(sparkHome, tmp.resolve("master.log"), "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port",
        Integer.toString(freePort()));
    start(sparkHome, tmp.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker",
        master, "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port",
        Integer.toString(freePort()), "--work-dir", tmp.resolve("work").toString());
    Process job = start(sparkHome, tmp.resolve("submit.log"),
        "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--conf", "spark.executor.memory=768m", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.extraJavaOptions=" + jvmFlags(),
        "--jars", testJar.toString(), "--class", "dev.openocr.cli.Main",
        APP_JAR.toAbsolutePath().toString(), "run", "--input", in.toString(), "--output",
        out.toString(), "--conf", "openocr.engine.factory=dev.openocr.spark.TestEngines$Blobs");

    boolean finished = job.waitFor(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    String log = Files.readString(tmp.resolve("submit.log"));
    assertThat(finished).as("job finished in time; log:\n%s", tail(log)).isTrue();
    assertThat(job.exitValue()).as("exit code; log:\n%s", tail(log)).isZero();
    JsonObject s = JsonParser.parseString(Files.readString(out.resolve("_summary.json")))
        .getAsJsonObject();
    assertThat(s.get("files").getAsLong()).isEqualTo(3);
    assertThat(s.get("pages").getAsLong()).isEqualTo(3);
    assertThat(s.get("words").getAsLong()).isEqualTo(6);
    assertThat(s.get("errorRows").getAsLong()).isEqualTo(1);
    try (Stream<Path> parts = Files.list(out.resolve("words"))) {
      assertThat(parts.map(Path::toString)).anyMatch(p -> p.endsWith(".zstd.parquet"));
    }
  }

  private Process start(Path sparkHome, Path log, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmFlags().split(" ")));
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + "/*");
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.12");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    started.add(p);
    return p;
  }

  /** A folder whose jars/ links every Spark (and dependency) jar, as executors expect. */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    // classpath.txt holds the provided (Spark) jars only; jars Spark shares with the app
    // (slf4j-api, commons-*) are compile scope, so the test JVM's classpath adds them.
    String testCp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    for (String entry : (Files.readString(CLASSPATH).strip() + java.io.File.pathSeparator + testCp)
        .split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName());
      if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(link)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    return home;
  }

  /** The test engine classes (blob detector, width recognizer) as a jar for --jars. */
  private static Path testEngineJar(Path jar) throws IOException {
    Path classes = Path.of("target/test-classes");
    try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
        Stream<Path> files = Files.walk(classes.resolve("dev/openocr/spark"))) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return jar;
  }

  /** Spark's Java 17 module flags, as given to this test JVM by Surefire. */
  private static String jvmFlags() {
    List<String> flags = new ArrayList<>();
    for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognized")
          || a.startsWith("-Djdk.reflect")) {
        flags.add(a);
      }
    }
    return String.join(" ", flags);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String tail(String log) {
    String[] lines = log.split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
  }
}
