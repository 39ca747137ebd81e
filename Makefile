# Airline: `make run` starts the whole system on .NET Aspire, `make test` runs every test.
.PHONY: prerequisites tools build run test bench clean

CONFIGURATION ?= Debug

prerequisites:
	@scripts/install-prerequisites.sh

# The Aspire CLI (`dotnet tool run aspire ...`), a local tool of this repository.
tools:
	dotnet tool restore

build: prerequisites
	dotnet build Airline.sln -c $(CONFIGURATION) -warnaserror

run: prerequisites
	dotnet build AppHost -c $(CONFIGURATION) -warnaserror
	dotnet run --project AppHost -c $(CONFIGURATION) --no-build

test: build tools
	@scripts/install-prerequisites.sh --tests
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
