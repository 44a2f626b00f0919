# Build, install and package `digit`.
#
#   make                  the release binary (Swift runtime linked in), man pages, completions
#   make install          …installed under $(DESTDIR)$(PREFIX); make uninstall removes them
#   make deb              a Debian package of the same files: .build/deb/digit_VERSION_ARCH.deb
#   make check-install    tests install, the package, man pages and completions (packaging/check-install.sh)
#
# Everything is staged in .build/dist/ first, so `make && sudo make install` builds as the user.
# Needs: swift, make, python3, strip; for `deb` also dpkg-deb and dpkg-shlibdeps (package dpkg-dev).

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d

SWIFT ?= swift
STRIP ?= strip
INSTALL ?= install

DIST := .build/dist
BIN := $(DIST)/bin/digit
MAN_STAMP := $(DIST)/man/.generated
COMPLETIONS := $(DIST)/completions/digit.bash $(DIST)/completions/_digit $(DIST)/completions/digit.fish
SOURCES := Package.swift Package.resolved $(shell find Sources weights -type f)

# The man pages' date: the last commit's (reproducible), or today outside a git checkout.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

.PHONY: all install uninstall deb check-install clean-dist
all: $(BIN) $(MAN_STAMP) $(COMPLETIONS)

# One page per command and subcommand, from the ArgumentParser definitions, by
# swift-argument-parser's generate-manual plugin; packaging/finish-man-pages.py names them in
# git's style (digit-recognize.1) and puts back the non-ASCII characters the plugin drops.
# The plugin builds the package itself: in debug (`swift test`'s build, so usually already
# there), so that it never relinks the static release binary.
$(MAN_STAMP): $(BIN) packaging/finish-man-pages.py
	rm -rf .build/plugins/GenerateManual/outputs/digit $(DIST)/man
	$(SWIFT) package plugin generate-manual --configuration debug --multi-page --date $(MAN_DATE)
	$(BIN) --experimental-dump-help > $(DIST)/dump-help.json
	packaging/finish-man-pages.py .build/plugins/GenerateManual/outputs/digit $(DIST)/man $(DIST)/dump-help.json
	touch $@

# The release binary with the Swift runtime linked statically: needs only libc, libstdc++,
# libpng, libjpeg and zlib on the machine it is copied to.
$(BIN): $(SOURCES)
	$(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath --product digit
	mkdir -p $(DIST)/bin
	$(STRIP) --remove-section=.comment --remove-section=.note -o $@ .build/release/digit

# (bash's without its #! line: completions are sourced, not run.)
$(COMPLETIONS): Makefile
$(DIST)/completions/digit.bash: $(BIN)
	mkdir -p $(DIST)/completions
	$(BIN) --generate-completion-script bash > $@.tmp
	sed '1{/^#!/d;}' $@.tmp > $@ && rm $@.tmp
$(DIST)/completions/_digit: $(BIN)
	mkdir -p $(DIST)/completions
	$(BIN) --generate-completion-script zsh > $@
$(DIST)/completions/digit.fish: $(BIN)
	mkdir -p $(DIST)/completions
	$(BIN) --generate-completion-script fish > $@

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASH_COMPLETION_DIR) \
		$(DESTDIR)$(ZSH_COMPLETION_DIR) $(DESTDIR)$(FISH_COMPLETION_DIR)
	$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(BINDIR)/digit
	$(INSTALL) -m 644 $(DIST)/man/*.1 $(DESTDIR)$(MANDIR)/man1/
	$(INSTALL) -m 644 $(DIST)/completions/digit.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/digit
	$(INSTALL) -m 644 $(DIST)/completions/_digit $(DESTDIR)$(ZSH_COMPLETION_DIR)/_digit
	$(INSTALL) -m 644 $(DIST)/completions/digit.fish $(DESTDIR)$(FISH_COMPLETION_DIR)/digit.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/digit $(DESTDIR)$(MANDIR)/man1/digit.1 $(DESTDIR)$(MANDIR)/man1/digit-*.1 \
		$(DESTDIR)$(BASH_COMPLETION_DIR)/digit $(DESTDIR)$(ZSH_COMPLETION_DIR)/_digit \
		$(DESTDIR)$(FISH_COMPLETION_DIR)/digit.fish

# The package holds what `make install PREFIX=/usr` installs (zsh completion where Debian's zsh
# looks), plus the files Debian requires; packaging/make-deb.sh writes the control file.
deb: all
	rm -rf .build/deb
	$(MAKE) --no-print-directory install DESTDIR=.build/deb/debian/digit PREFIX=/usr \
		ZSH_COMPLETION_DIR=/usr/share/zsh/vendor-completions
	packaging/make-deb.sh .build/deb

check-install: all
	packaging/check-install.sh

clean-dist:
	rm -rf $(DIST) .build/deb
