# Sourced by run-local.sh, dead-letters.sh and benchmarks/run.sh: what the three launchers share.
# Each needs nothing but Java 17 and builds what is missing with ./mvnw first.

# The five service modules (local-stack's OrderflowService names the same five, with their ports).
orderflow_services=(orders-service basket-service payment-service stock-service fulfillment-service)
# What else the stack runs from an executable jar: the dev issuer, the services' OAuth2 authorization server.
orderflow_stack_jars=("${orderflow_services[@]}" dev-issuer)

# Splits the launcher's own --build from the options it passes on: sets build (true/false) and args.
orderflow_split_args() {
  build=false
  args=()
  local arg
  for arg in "$@"; do
    case "$arg" in
      --build) build=true ;;
      *) args+=("$arg") ;;
    esac
  done
}

# The java to run: $JAVA_HOME/bin/java when JAVA_HOME is set, else java from the PATH.
orderflow_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    echo java
  fi
}

# Succeeds when the executable jar of a service or of the dev issuer is missing under the project root $1.
orderflow_service_jar_missing() {
  local module
  for module in "${orderflow_stack_jars[@]}"; do
    if ! compgen -G "$1/$module/target/$module-*-exec.jar" > /dev/null; then
      return 0
    fi
  done
  return 1
}
