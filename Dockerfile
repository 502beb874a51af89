# Build stage: the same Maven build as on a developer machine.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Run stage: the jar and its libraries only.
FROM eclipse-temurin:17.0.16_8-jre
WORKDIR /app
# curl for the compose healthcheck on /health (installed here rather than relied upon in the base image)
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/rxradar.jar /app/rxradar.jar
COPY --from=build /src/target/lib /app/lib
COPY config /app/config
RUN useradd --system --home /app rxradar && mkdir -p /app/data /app/outbox && chown -R rxradar /app
USER rxradar
EXPOSE 8080
# fits a small server (see README, Memory): run --once with the embedded broker peaks under 512 MB RSS;
# fewer glibc malloc arenas keep the native heap of the many client threads small
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=40m", \
            "-XX:MaxDirectMemorySize=64m", "-XX:TieredStopAtLevel=1", "-jar", "/app/rxradar.jar"]
CMD ["run", "--config", "/app/config/rxradar.example.yml"]
