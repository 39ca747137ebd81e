# Airline: `make run` starts the whole system on .NET Aspire, `make test` runs every test.
.PHONY: prerequisites tools images build run test bench clean

CONFIGURATION ?= Debug
# How MySQL and Redis run: auto (containers where a container runtime answers or podman can be installed), container, local.
RUNTIME ?= auto
# Their container images: auto (built here where possible, else the official ones), built, official.
IMAGES ?= auto

prerequisites:
	@scripts/install-prerequisites.sh --runtime $(RUNTIME)

# The MySQL and Redis images of container mode, built here from Debian packages: once, then again only when a package
# version or the build script changes.
images:
	@scripts/build-images.sh

# What `make run` and `make test` build unless they run local processes or official images.
define images-where-possible
@[ "$(RUNTIME)" = local ] || [ "$(IMAGES)" = official ] || scripts/build-images.sh --where-possible
endef

# The Aspire CLI (`dotnet tool run aspire ...`), a local tool of this repository.
tools:
	dotnet tool restore

build: prerequisites
	dotnet build Airline.sln -c $(CONFIGURATION) -warnaserror

run: prerequisites
	$(images-where-possible)
	dotnet build AppHost -c $(CONFIGURATION) -warnaserror
	dotnet run --project AppHost -c $(CONFIGURATION) --no-build -- BackingServers:Runtime=$(RUNTIME) BackingServers:Images=$(IMAGES)

test: build tools
	@scripts/install-prerequisites.sh --tests --runtime $(RUNTIME)
	$(images-where-possible)
	@scripts/run-tests.sh $(CONFIGURATION)

# Release builds of what the benchmark runs; prints one table and writes bench/results/latest.json.
bench: prerequisites
	bench/run.sh

clean:
	dotnet clean Airline.sln
	rm -rf AppHost/.state

# Kubernetes manifests (a kustomize base) from the app model, by Aspire's publish pipeline: `kubectl apply -k deploy/k8s`.
# Override the images, namespace and public address with e.g. `make publish REGISTRY=ghcr.io/acme TAG=1.0.0 PUBLIC_URL=https://airline.example.com`.
# It is `aspire publish -o deploy/k8s` with these settings (deploy/README.md).
NAMESPACE ?= airline
REGISTRY ?= localhost:5000
TAG ?= latest
INGRESS_CLASS ?= nginx
PUBLIC_URL ?= http://airline.localhost

.PHONY: publish
publish: prerequisites tools
	dotnet build AppHost -c $(CONFIGURATION) -warnaserror
	dotnet tool run aspire -- publish --apphost AppHost/AppHost.csproj -o deploy/k8s --non-interactive --nologo --no-build -- \
		--Kubernetes:Namespace $(NAMESPACE) --Kubernetes:Registry $(REGISTRY) --Kubernetes:Tag $(TAG) \
		--Kubernetes:IngressClass $(INGRESS_CLASS) --Kubernetes:PublicUrl $(PUBLIC_URL)
