package dev.openocr.job;

import dev.openocr.testing.Prerequisites;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine: a Master and Workers, each in its own JVM, and
 * jobs submitted with SparkSubmit from the shaded application jar (built by {@code mvn package}).
 * Closing it stops every process it started.
 */
final class StandaloneCluster implements AutoCloseable {
  static final Path APP_JAR = Path.of("target/openocr-app.jar");
  static final Path CLASSPATH = Path.of("target/classpath.txt");
  /** Class name in the command line of an executor JVM. */
  static final String EXECUTOR_MAIN = "CoarseGrainedExecutorBackend";

  private final Path dir;
  private final Path sparkHome;
  private final List<Process> started = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final String master;

  private StandaloneCluster(Path dir) throws IOException {
    this.dir = dir;
    this.sparkHome = sparkHome(dir.resolve("spark-home"));
    this.master = "spark://127.0.0.1:" + freePort();
  }

  /** Skips the test when the application jar is not built, or fails it on CI. */
  static void requireAppJar() {
    Prerequisites.require(Files.isRegularFile(APP_JAR) && Files.isRegularFile(CLASSPATH),
        APP_JAR + " and " + CLASSPATH + " (run 'mvn -o -DskipTests package' first)");
  }

  /** A Master and {@code workers} Workers of {@code cores} cores and 1 GiB each. */
  static StandaloneCluster start(Path dir, int workers, int cores) throws IOException {
    StandaloneCluster c = new StandaloneCluster(dir);
    try {
      int port = Integer.parseInt(c.master.substring(c.master.lastIndexOf(':') + 1));
      c.start("master.log", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
      for (int i = 0; i < workers; i++) {
        c.workers.add(c.start("worker" + i + ".log", "org.apache.spark.deploy.worker.Worker",
            c.master, "--host", "127.0.0.1", "--cores", Integer.toString(cores), "--memory", "1g",
            "--webui-port", Integer.toString(freePort()), "--work-dir",
            dir.resolve("work" + i).toString()));
      }
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Submits {@code args} (SparkSubmit's options, then the jar's) to this cluster's master. */
  Process submit(String log, String... args) throws IOException {
    List<String> a = new ArrayList<>(List.of("--master", master));
    a.addAll(List.of(args));
    return start(log, "org.apache.spark.deploy.SparkSubmit", a.toArray(new String[0]));
  }

  /** The executor JVMs that worker {@code i} runs now. */
  List<ProcessHandle> executors(int i) {
    return workers.get(i).descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(EXECUTOR_MAIN)).toList();
  }

  String log(String name) throws IOException {
    Path p = dir.resolve(name);
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private Process start(String log, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmFlags().split(" ")));
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + "/*");
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.12");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    started.add(p);
    return p;
  }

  @Override
  public void close() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
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
  static Path testEngineJar(Path jar) throws IOException {
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
  static String jvmFlags() {
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

  /** The last 40 lines of a log. */
  static String tail(String log) {
    String[] lines = log.split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
  }
}
