# The platform's one image: the API, the worker and the admin commands (migrate, documents:*), with the web
# app that the API serves. docker-compose.yml runs it; nothing in the repository needs Docker.
#   docker build -t accelerator-platform .
#   docker run --rm accelerator-platform node dist/apps/cli/src/main.js migrate   (with DATABASE_URL)

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# pg_dump and pg_restore of PostgreSQL 15 for scripts/backup.sh and scripts/restore.sh (a client of at
# least the server's major version is needed: take it from apt.postgresql.org for a newer server).
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY scripts/backup.sh scripts/restore.sh ./scripts/
USER node
EXPOSE 3000 3001
CMD ["node", "dist/apps/api/src/main.js"]
