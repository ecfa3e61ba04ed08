# Entry points for developers, operators and CI. Everything runs locally on loopback (see README.md).
.PHONY: run up down demo test bench drill status schemas

run:      ## the whole suite in the foreground (Ctrl-C stops everything)
	@deploy/local/run.sh

up:       ## the same in the background
	@deploy/local/up.sh

demo:     ## like `up`, then waits for the simulated demo selection to finish: a training sandbox (`make down` stops it)
	@ASN_DEMO_FOREGROUND=1 deploy/local/up.sh

down:     ## stop what `make up` or `make demo` started
	@deploy/local/down.sh

test:     ## every test, with a private PostgreSQL and broker
	@deploy/local/test.sh

bench:    ## the benchmarks (release build), printing their figures; e.g. make bench ARGS="--only queue"
	@deploy/local/bench.sh $(ARGS)

drill:    ## the fault drill: 5,000 applicants while the broker and PostgreSQL restart and services crash (release build)
	@deploy/local/drill.sh

status:   ## which local services and infrastructure are up
	@ASN_STACK=run deploy/local/stack.sh status; ASN_STACK=run deploy/local/services.sh status

schemas:  ## regenerate the committed JSON Schemas of the event catalogue
	@swift run recruitment-events-schema --output Shared/RecruitmentEvents/Schemas
