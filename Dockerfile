# Builds Klaxon. The image runs the server; point it at Redis with --redis.url (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig*.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
RUN sh scripts/build.sh && npm prune --omit=dev

FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends redis-server wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY config config
COPY bin bin
EXPOSE 9093
ENTRYPOINT ["bin/klaxon"]
CMD ["--config.file=/app/config/alertmanager.yml", "--storage.path=/data"]
