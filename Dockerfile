# The ledger's runnable jar; build it first with ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY api/target/customer-ledger.jar /app/customer-ledger.jar
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/customer-ledger.jar"]
