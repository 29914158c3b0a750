# syntax=docker/dockerfile:1
# Ganaka: one image for every role; the command chooses it (api, bridge, streams, sinks, all, migrate).

# --- build: resolve the dependencies from the POMs alone first, so a source change does not download them again
# (into BuildKit's cache of ~/.m2). go-offline cannot resolve every plugin's late dependencies, hence `|| true`: the
# package step below fetches what is still missing.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schemas/pom.xml schemas/
COPY sql/pom.xml sql/
COPY auth/pom.xml auth/
COPY testkit/pom.xml testkit/
COPY ingress-api/pom.xml ingress-api/
COPY bridge/pom.xml bridge/
COPY streams-topology/pom.xml streams-topology/
COPY sinks/pom.xml sinks/
COPY app/pom.xml app/
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -pl app -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -Dmaven.test.skip=true -pl app -am package \
    && cp app/target/ganaka.jar /ganaka.jar

# --- runtime: a JRE only, run as a user without privileges.
FROM eclipse-temurin:17.0.16_8-jre-jammy
RUN groupadd --system ganaka && useradd --system --gid ganaka --home-dir /app --shell /usr/sbin/nologin ganaka \
    && mkdir -p /app /var/lib/ganaka/streams && chown -R ganaka:ganaka /app /var/lib/ganaka
WORKDIR /app
COPY --from=build /ganaka.jar /app/ganaka.jar
COPY docker/healthcheck.sh /usr/local/bin/healthcheck.sh
USER ganaka
ENV GANAKA_STATE_DIR=/var/lib/ganaka/streams \
    LOG_FORMAT=json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 9464
# The API role answers /health on 8080; the other roles override this with their metrics port in compose.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 CMD ["healthcheck.sh", "8080", "/health"]
ENTRYPOINT ["java", "-jar", "/app/ganaka.jar"]
CMD ["all"]
