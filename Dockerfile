# The service image: build the jar first (README's first command, or: mvn -B -ntp -DskipTests package).
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/hocba hocba && mkdir -p /var/lib/hocba && chown hocba /var/lib/hocba
COPY archive-service/target/hocba.jar /opt/hocba/hocba.jar
USER hocba
ENV HOCBA_DATA_DIR=/var/lib/hocba
# A 1,500-student school's year end fits a 512 MB heap; the serial collector keeps the JVM's own memory beside it
# small (G1's structures alone took 59 MB), and two malloc arenas keep native buffers from spreading over one arena a
# thread: peak resident 737 MB (README, "Where the figures stand"). Set JDK_JAVA_OPTIONS to change them.
ENV JDK_JAVA_OPTIONS="-Xmx512m -XX:+UseSerialGC" MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/hocba/hocba.jar"]
