# The service image: build the jar first (README's first command, or: mvn -B -ntp -DskipTests package).
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/hocba hocba && mkdir -p /var/lib/hocba && chown hocba /var/lib/hocba
COPY archive-service/target/hocba.jar /opt/hocba/hocba.jar
USER hocba
ENV HOCBA_DATA_DIR=/var/lib/hocba
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/hocba/hocba.jar"]
