#!/usr/bin/env bash
# Downloads the GraphiQL page's scripts and style sheet from the npm registry with `npm pack` and
# writes them, each package's LICENSE and manifest.json into features/GraphQL/graphiql/. The
# manifest records every file's package, version and sha384 integrity hash. The app embeds the
# folder, serves the listed files and writes their hashes into the page's integrity attributes.
# Run it again after changing a version below, review the diff, and commit the folder.
set -euo pipefail

repository="$(cd "$(dirname "$0")/.." && pwd)"
target="$repository/features/GraphQL/graphiql"

# package, version, and the files to take from the package (paths inside the package).
packages=(
    "react 18.3.1 umd/react.production.min.js"
    "react-dom 18.3.1 umd/react-dom.production.min.js"
    "graphiql 3.9.0 graphiql.min.js graphiql.min.css"
)

for tool in npm tar openssl; do
    if ! command -v "$tool" > /dev/null; then
        echo "vendor-graphiql: $tool is missing; install it and run again." >&2
        exit 1
    fi
done

work="$(mktemp -d -t slices-vendor-XXXXXX)"
trap 'rm -rf "$work"' EXIT

rm -rf "$target"
mkdir -p "$target"
manifest_entries=()

for entry in "${packages[@]}"; do
    read -r name version files <<< "$entry"
    folder="$name@$version"

    # npm pack prints the name of the tarball it wrote as its last line.
    tarball="$(cd "$work" && npm pack --silent "$name@$version" | tail -n 1)"
    mkdir -p "$work/$folder"
    tar -xzf "$work/$tarball" -C "$work/$folder" --strip-components=1

    mkdir -p "$target/$folder"
    cp "$work/$folder/LICENSE" "$target/$folder/LICENSE"

    for file in $files; do
        mkdir -p "$(dirname "$target/$folder/$file")"
        cp "$work/$folder/$file" "$target/$folder/$file"
        hash="$(openssl dgst -sha384 -binary "$target/$folder/$file" | openssl base64 -A)"
        manifest_entries+=("    { \"package\": \"$name\", \"version\": \"$version\", \"path\": \"$folder/$file\", \"integrity\": \"sha384-$hash\" }")
    done
done

{
    echo '{'
    echo '  "files": ['
    last=$((${#manifest_entries[@]} - 1))
    for index in "${!manifest_entries[@]}"; do
        separator=","
        [[ $index -eq $last ]] && separator=""
        echo "${manifest_entries[$index]}$separator"
    done
    echo '  ]'
    echo '}'
} > "$target/manifest.json"

echo "Wrote ${#manifest_entries[@]} files and manifest.json to ${target#"$repository/"}."
