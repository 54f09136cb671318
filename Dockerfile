# syntax=docker/dockerfile:1
# Unplug's server and tab in one image. Build:  docker build -t unplug .
# Run (embedded store, demo tenant):  docker run -p 3978:3978 -v unplug-data:/data unplug
# The admin guide (docs/admin-guide.md, "Running the server in a container") has the PostgreSQL and
# Microsoft 365 settings. tests/integration/hosting/container.test.ts runs what this file runs.

ARG NODE_IMAGE=node:24-bookworm-slim

# Stage 1: install everything (build tools included) and build the tab and the compiled server.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY contract/package.json contract/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY contract/ contract/
COPY server/ server/
COPY client/ client/
RUN npm run build

# Stage 2: production dependencies of the server only, the built output, a non-root user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
# Every workspace's package.json, as npm ci reads the whole lock file (the contract is bundled into
# server/dist by esbuild, so none of its files are needed at run time).
COPY package.json package-lock.json ./
COPY contract/package.json contract/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --omit=dev --workspace server --no-audit --no-fund \
 && npm cache clean --force \
 && mkdir -p /data \
 && chown node:node /data
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
# The app registration: the demo tenant grants its app exactly what this file asks for.
COPY aad.manifest.json ./
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=8", "--liftoff-only", "--enable-source-maps", "server/dist/server.js"]
