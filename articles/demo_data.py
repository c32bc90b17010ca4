"""Demo content for ``manage.py load_demo``: categories, sources and ten articles.

Every article was written in English. Most carry a Turkish title, standfirst and summary,
and a few a full Turkish body; two are English only. Bodies are Markdown. A ``source`` of
``None`` marks the newsroom's own reporting.
"""

from textwrap import dedent


def _md(text: str) -> str:
    """Dedent a triple-quoted Markdown block and trim the blank lines around it."""
    return dedent(text).strip()


CATEGORIES = [
    {
        "key": "software",
        "name_en": "Software",
        "name_tr": "Yazılım",
        "slug_en": "software",
        "slug_tr": "yazilim",
    },
    {
        "key": "infrastructure",
        "name_en": "Infrastructure",
        "name_tr": "Altyapı",
        "slug_en": "infrastructure",
        "slug_tr": "altyapi",
    },
    {
        "key": "open-source",
        "name_en": "Open source",
        "name_tr": "Açık kaynak",
        "slug_en": "open-source",
        "slug_tr": "acik-kaynak",
    },
    {
        "key": "security",
        "name_en": "Security",
        "name_tr": "Güvenlik",
        "slug_en": "security",
        "slug_tr": "guvenlik",
    },
]

SOURCES = [
    {"key": "dev-to", "name": "DEV Community", "url": "https://dev.to/"},
    {"key": "python-insider", "name": "Python Insider", "url": "https://blog.python.org/"},
]

ARTICLES = [
    # 1. Republished from DEV Community; full Turkish translation.
    {
        "category": "infrastructure",
        "source": "dev-to",
        "original_url": "https://dev.to/mkaraca/docker-images-vs-containers-explained-3k9d",
        "days_ago": 2,
        "hour": 9,
        "minute": 15,
        "title_en": "Docker images vs containers: the difference that trips up newcomers",
        "standfirst_en": (
            "An image is the recipe and a container is the meal. A short guide to the two "
            "words Docker beginners mix up most, with the commands that make the difference "
            "visible."
        ),
        "body_en": _md(
            """
            ## Two words, two things

            Most Docker tutorials use "image" and "container" within a few lines of each
            other, and many newcomers come away thinking they are synonyms. They are not, and
            once the distinction clicks, a lot of confusing behaviour (vanished files, "disk
            full" errors, containers that refuse to go away) starts to make sense.

            An **image** is a read-only template. It is built from a stack of layers, each one
            the result of a step in a `Dockerfile`: install a package, copy your code, set an
            environment variable. Once built, an image never changes. If you want a different
            image, you build a new one.

            A **container** is what you get when you run an image. Docker takes the image's
            layers, adds a thin writable layer on top, gives the result its own process space,
            network interface and view of the file system, and starts the command the image
            specifies. You can run many containers from the same image, and each one gets its
            own writable layer.

            ## Seeing it on the command line

            Here is a minimal `Dockerfile` for a small Python web app:

            ```dockerfile
            FROM python:3.13-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            COPY . .
            CMD ["gunicorn", "--bind", "0.0.0.0:8000", "config.wsgi"]
            ```

            Build it once, then start two containers from the result:

            ```bash
            docker build -t myapp:1.0 .
            docker run -d --name web-1 -p 8001:8000 myapp:1.0
            docker run -d --name web-2 -p 8002:8000 myapp:1.0

            docker images    # one image: myapp:1.0
            docker ps        # two running containers: web-1 and web-2
            ```

            If you open a shell in `web-1` and create a file, `web-2` will never see it, and
            neither will the image. When you remove `web-1` with `docker rm`, the file goes
            with it.

            ## Side by side

            | | Image | Container |
            |---|---|---|
            | What it is | A read-only, layered template | A running or stopped image instance |
            | Can it change? | No; you build a new one | Yes, through its own writable layer |
            | Created with | `docker build` or `docker pull` | `docker run` or `docker create` |
            | Listed with | `docker images` | `docker ps -a` |
            | Removed with | `docker rmi` | `docker rm` |
            | Shared through | Registries such as Docker Hub | Not shared; it lives on one host |

            ## Why it matters

            - **Data belongs in volumes.** Anything a container writes to its own layer
              disappears with the container. Databases, uploads and logs you want to keep need
              a volume or a bind mount.
            - **Stopped is not deleted.** `docker ps` lists only running containers. Stopped
              ones keep using disk space until you remove them; `docker ps -a` shows them all
              and `docker container prune` clears them out.
            - **Rebuild, don't patch.** Changing a running container by hand works until the
              next deployment throws it away. Put the change in the `Dockerfile` and build a
              new image.
            - **Tags point at images, not containers.** Pushing `myapp:1.0` to a registry
              shares the template; whoever pulls it starts fresh containers of their own.

            Think of the image as a class and the container as an object: one definition, as
            many independent instances as you need.
            """
        ),
        "title_tr": "Docker'da imaj ve konteyner: yeni başlayanları şaşırtan fark",
        "standfirst_tr": (
            "İmaj tarifse konteyner o tariften çıkan yemektir. Docker'a yeni başlayanların en "
            "çok karıştırdığı iki kavramı, farkı görünür kılan komutlarla anlatan kısa bir "
            "rehber."
        ),
        "body_tr": _md(
            """
            ## İki kelime, iki ayrı şey

            Docker eğitimlerinin çoğu "imaj" ve "konteyner" kelimelerini birkaç satır arayla
            kullanır; yeni başlayanların pek çoğu da ikisinin eş anlamlı olduğunu düşünür.
            Öyle değiller. Aradaki fark bir kez oturduğunda kafa karıştıran pek çok davranış
            (kaybolan dosyalar, "disk dolu" hataları, bir türlü ortadan kalkmayan
            konteynerler) anlam kazanmaya başlar.

            **İmaj**, salt okunur bir şablondur. Her biri `Dockerfile` içindeki bir adımın
            sonucu olan katmanların üst üste dizilmesiyle oluşur: bir paket kurmak, kodunuzu
            kopyalamak, bir ortam değişkeni tanımlamak gibi. Derlendikten sonra imaj bir daha
            değişmez. Farklı bir imaj istiyorsanız yenisini derlersiniz.

            **Konteyner** ise bir imajı çalıştırdığınızda elde ettiğiniz şeydir. Docker
            imajın katmanlarını alır, üstüne ince ve yazılabilir bir katman ekler, ortaya
            çıkana kendi süreç alanını, ağ arayüzünü ve dosya sistemi görünümünü verir,
            ardından imajda belirtilen komutu başlatır. Aynı imajdan istediğiniz kadar
            konteyner çalıştırabilirsiniz; her birinin kendi yazılabilir katmanı olur.

            ## Komut satırında görmek

            Küçük bir Python web uygulaması için en basit `Dockerfile` şöyle olabilir:

            ```dockerfile
            FROM python:3.13-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            COPY . .
            CMD ["gunicorn", "--bind", "0.0.0.0:8000", "config.wsgi"]
            ```

            Bir kez derleyip sonuçtan iki konteyner başlatalım:

            ```bash
            docker build -t myapp:1.0 .
            docker run -d --name web-1 -p 8001:8000 myapp:1.0
            docker run -d --name web-2 -p 8002:8000 myapp:1.0

            docker images    # one image: myapp:1.0
            docker ps        # two running containers: web-1 and web-2
            ```

            `web-1` içinde bir kabuk açıp bir dosya oluşturursanız `web-2` o dosyayı hiçbir
            zaman görmez; imaj da görmez. `web-1` konteynerini `docker rm` ile sildiğinizde
            dosya da onunla birlikte gider.

            ## Yan yana

            | | İmaj | Konteyner |
            |---|---|---|
            | Tanım | Salt okunur, katmanlı bir şablon | Bir imajın çalışan ya da durmuş örneği |
            | Değişebilirlik | Hayır; yenisi derlenir | Evet, kendi yazılabilir katmanı sayesinde |
            | Oluşturma | `docker build` ya da `docker pull` | `docker run` ya da `docker create` |
            | Listeleme | `docker images` | `docker ps -a` |
            | Silme | `docker rmi` | `docker rm` |
            | Paylaşım | Docker Hub gibi kayıt depolarıyla | Paylaşılmaz; tek bir sunucuda yaşar |

            ## Neden önemli?

            - **Kalıcı veri volume'de durmalı.** Konteynerin kendi katmanına yazdığı her şey
              konteynerle birlikte yok olur. Saklamak istediğiniz veritabanları, yüklenen
              dosyalar ve günlükler için bir volume ya da bind mount gerekir.
            - **Durmuş olmak, silinmiş olmak demek değildir.** `docker ps` yalnızca çalışan
              konteynerleri listeler. Durmuş olanlar siz silene kadar disk alanı kaplamaya
              devam eder; `docker ps -a` hepsini gösterir, `docker container prune` ise
              temizler.
            - **Yamamayın, yeniden derleyin.** Çalışan bir konteyneri elle değiştirmek, bir
              sonraki dağıtım onu silip atana kadar işe yarar. Değişikliği `Dockerfile`
              dosyasına yazın ve yeni bir imaj derleyin.
            - **Etiketler konteynerleri değil, imajları gösterir.** `myapp:1.0` etiketini bir
              kayıt deposuna göndermek şablonu paylaşır; onu çeken herkes kendi yeni
              konteynerlerini başlatır.

            İmajı bir sınıf, konteyneri de bir nesne gibi düşünün: tek bir tanım ve ihtiyaç
            duyduğunuz kadar birbirinden bağımsız örnek.
            """
        ),
        "summary_en": (
            "A Docker image is a read-only, layered template; a container is a running or "
            "stopped instance of it with its own writable layer. The article shows the "
            "difference with a short Dockerfile and a few commands, and explains why data "
            "belongs in volumes and changes belong in a rebuilt image."
        ),
        "summary_tr": (
            "Docker imajı salt okunur, katmanlı bir şablondur; konteyner ise onun kendi "
            "yazılabilir katmanı olan, çalışan ya da durmuş bir örneğidir. Yazı farkı kısa bir "
            "Dockerfile ve birkaç komutla gösteriyor; kalıcı verinin neden volume'de "
            "tutulması, değişikliklerin de neden yeni bir imajla yapılması gerektiğini "
            "açıklıyor."
        ),
    },
    # 2. Own reporting; full Turkish translation.
    {
        "category": "software",
        "source": None,
        "original_url": "",
        "days_ago": 4,
        "hour": 11,
        "minute": 40,
        "title_en": "The Turkish i problem: why lower() is not as simple as it looks",
        "standfirst_en": (
            "Turkish has two letter i's, dotted and dotless, and they break the assumption "
            "that case conversion works the same everywhere. Here is what goes wrong, and how "
            "we handle it on a bilingual site."
        ),
        "body_en": _md(
            """
            Turkish has four letters where English has two: `I` and `ı` (dotless), `İ` and
            `i` (dotted). Each pair is a proper upper- and lowercase couple. So in Turkish the
            lowercase of `I` is `ı`, and the uppercase of `i` is `İ`. In most other languages
            written in the Latin alphabet, `I` and `i` go together.

            Unicode encodes the English letters at their ASCII positions and adds `ı`
            (U+0131) and `İ` (U+0130) as separate characters. Its default case mappings
            follow the English pairing. That means code which converts case without knowing
            the language gets Turkish wrong, and code which applies Turkish rules in the wrong
            place can break in even stranger ways.

            ## What Python does

            Python's `str.lower()` and `str.upper()` use Unicode's default,
            language-independent mappings:

            ```python
            >>> "ISPARTA".lower()     # a Turkish reader expects "ısparta"
            'isparta'
            >>> "istanbul".upper()    # a Turkish reader expects "İSTANBUL"
            'ISTANBUL'
            >>> [hex(ord(c)) for c in "İ".lower()]
            ['0x69', '0x307']
            >>> len("İstanbul"), len("İstanbul".lower())
            (8, 9)
            ```

            The third result surprises people. With no Turkish rule to apply, Python keeps
            the dot by lowering `İ` to a plain `i` followed by U+0307 COMBINING DOT ABOVE. The
            string gets longer, and it no longer compares equal to `"istanbul"`.

            ## The opposite bug

            Languages that use the user's locale by default have the reverse problem. The
            classic case is Java, where `"TITLE".toLowerCase()` on a machine with a Turkish
            locale returns `"tıtle"`. Programs that lowercase keywords, HTTP header names or
            file extensions before comparing them have failed in Turkey for exactly this
            reason. The rule is simple: text meant for machines gets locale-independent case
            mapping; text meant for people gets the rules of the reader's language.

            ## Slugs lose letters

            Transliterating to ASCII is another trap. Django's `slugify()` decomposes
            characters and drops whatever is left outside ASCII. That works for `ç`, `ğ`, `ö`,
            `ş` and `ü`, which decompose into a base letter and a mark, but `ı` has no
            decomposition and simply vanishes: `slugify("Altyapı")` gives `altyap`, and
            `slugify("Açık kaynak")` gives `ack-kaynak`.

            ## What we do

            For Turkish display text, we map the two special letters first and let Python
            handle the rest:

            ```python
            TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})
            TR_UPPER = str.maketrans({"i": "İ", "ı": "I"})
            TR_ASCII_I = str.maketrans({"ı": "i", "İ": "I"})


            def tr_lower(text: str) -> str:
                return text.translate(TR_LOWER).lower()


            def tr_upper(text: str) -> str:
                return text.translate(TR_UPPER).upper()


            def tr_slug_source(text: str) -> str:
                # Hand slugify() a string without dotless or dotted capital i.
                return text.translate(TR_ASCII_I)
            ```

            For case-insensitive search, we apply the Turkish mapping to Turkish text and then
            normalise both sides with `casefold()`. Identifiers, URLs and keywords are only
            ever lowercased with the default rules. If you need more than these two letters,
            libraries built on ICU, such as PyICU, handle locale-specific casing and sorting
            properly.
            """
        ),
        "title_tr": "Türkçe i sorunu: lower() neden göründüğü kadar basit değil?",
        "standfirst_tr": (
            "Türkçede noktalı ve noktasız olmak üzere iki ayrı i harfi var; bu da büyük-küçük "
            "harf dönüşümünün her dilde aynı işlediği varsayımını yıkıyor. Neyin ters gittiğini "
            "ve iki dilli bir sitede bununla nasıl başa çıktığımızı anlatıyoruz."
        ),
        "body_tr": _md(
            """
            İngilizcenin iki harfle yetindiği yerde Türkçede dört harf var: `I` ve `ı`
            (noktasız), `İ` ve `i` (noktalı). Her çift kendi içinde bir büyük ve küçük harf
            eşidir. Yani Türkçede `I` harfinin küçüğü `ı`, `i` harfinin büyüğü ise `İ`'dir.
            Latin alfabesiyle yazılan dillerin çoğunda ise `I` ile `i` birlikte gider.

            Unicode, İngilizce harfleri ASCII'deki yerlerinde kodlar; `ı` (U+0131) ve `İ`
            (U+0130) harflerini ise ayrı karakterler olarak ekler. Varsayılan büyük-küçük harf
            eşlemeleri İngilizcedeki eşleşmeyi izler. Bu da dili bilmeden harf dönüştüren
            kodun Türkçeyi yanlış işleyeceği, Türkçe kuralları yanlış yerde uygulayan kodun ise
            çok daha tuhaf biçimlerde bozulabileceği anlamına gelir.

            ## Python ne yapıyor?

            Python'un `str.lower()` ve `str.upper()` metotları Unicode'un varsayılan, dilden
            bağımsız eşlemelerini kullanır:

            ```python
            >>> "ISPARTA".lower()     # a Turkish reader expects "ısparta"
            'isparta'
            >>> "istanbul".upper()    # a Turkish reader expects "İSTANBUL"
            'ISTANBUL'
            >>> [hex(ord(c)) for c in "İ".lower()]
            ['0x69', '0x307']
            >>> len("İstanbul"), len("İstanbul".lower())
            (8, 9)
            ```

            Üçüncü sonuç insanları şaşırtır. Uygulayacağı bir Türkçe kural olmadığı için
            Python noktayı korur: `İ` harfini düz bir `i` ve onu izleyen U+0307 COMBINING DOT
            ABOVE (birleşen üst nokta) karakterine dönüştürür. Dizge uzar ve artık
            `"istanbul"` ile eşit sayılmaz.

            ## Ters yöndeki hata

            Varsayılan olarak kullanıcının yerel ayarını kullanan dillerde sorun tersinden
            çıkar. Klasik örnek Java'dır: Türkçe yerel ayarlı bir makinede
            `"TITLE".toLowerCase()` çağrısı `"tıtle"` döndürür. Anahtar kelimeleri, HTTP başlık
            adlarını ya da dosya uzantılarını karşılaştırmadan önce küçük harfe çeviren
            programlar Türkiye'de tam da bu yüzden hata verdi. Kural basit: makineler için
            yazılan metinde dilden bağımsız dönüşüm, insanlar için yazılan metinde okurun
            dilinin kuralları geçerlidir.

            ## Slug'lar harf kaybediyor

            ASCII'ye çevirmek de ayrı bir tuzak. Django'nun `slugify()` fonksiyonu
            karakterleri ayrıştırır ve ASCII dışında kalanları atar. Bu yöntem, bir temel harf
            ile bir işarete ayrışan `ç`, `ğ`, `ö`, `ş` ve `ü` için işe yarar; ama `ı` harfinin
            bir ayrışımı yoktur ve doğrudan kaybolur: `slugify("Altyapı")` sonucu `altyap`,
            `slugify("Açık kaynak")` sonucu ise `ack-kaynak` olur.

            ## Biz ne yapıyoruz?

            Türkçe metni gösterirken önce iki özel harfi eşliyor, gerisini Python'a
            bırakıyoruz:

            ```python
            TR_LOWER = str.maketrans({"I": "ı", "İ": "i"})
            TR_UPPER = str.maketrans({"i": "İ", "ı": "I"})
            TR_ASCII_I = str.maketrans({"ı": "i", "İ": "I"})


            def tr_lower(text: str) -> str:
                return text.translate(TR_LOWER).lower()


            def tr_upper(text: str) -> str:
                return text.translate(TR_UPPER).upper()


            def tr_slug_source(text: str) -> str:
                # Hand slugify() a string without dotless or dotted capital i.
                return text.translate(TR_ASCII_I)
            ```

            Büyük-küçük harf duyarsız aramada Türkçe metne önce Türkçe eşlemeyi uyguluyor,
            ardından iki tarafı da `casefold()` ile normalleştiriyoruz. Tanımlayıcıları,
            URL'leri ve anahtar kelimeleri ise yalnızca varsayılan kurallarla küçük harfe
            çeviriyoruz. Bu iki harften fazlasına ihtiyacınız varsa PyICU gibi ICU tabanlı
            kütüphaneler, yerel ayara özgü harf dönüşümünü ve sıralamayı doğru biçimde yapar.
            """
        ),
        "summary_en": (
            "Turkish pairs I with dotless ı and dotted İ with i, so Python's default lower() "
            "and upper() give wrong results for Turkish text, while locale-aware case mapping "
            "can break comparisons meant for machines. Django's slugify() also drops ı "
            "entirely; the article shows small helpers that deal with both problems."
        ),
        "summary_tr": (
            "Türkçede I harfi noktasız ı ile, noktalı İ ise i ile eşleşir; bu nedenle "
            "Python'un varsayılan lower() ve upper() metotları Türkçe metinde yanlış sonuç "
            "verir, yerel ayara duyarlı dönüşüm ise makineler için yapılan karşılaştırmaları "
            "bozabilir. Django'nun slugify() fonksiyonu ı harfini tamamen atar; yazı her iki "
            "sorunu da çözen küçük yardımcı fonksiyonlar gösteriyor."
        ),
    },
    # 3. Republished from Python Insider; full Turkish translation.
    {
        "category": "software",
        "source": "python-insider",
        "original_url": (
            "https://blog.python.org/2024/10/free-threaded-python-313-what-to-expect.html"
        ),
        "days_ago": 7,
        "hour": 16,
        "minute": 5,
        "title_en": "Python 3.13's free-threaded build: what changes when the GIL goes away",
        "standfirst_en": (
            "Python 3.13 ships an experimental build that can run without the global "
            "interpreter lock. Here is how to try it, what to measure, and why it is not yet "
            "the default."
        ),
        "body_en": _md(
            """
            For as long as most developers have used CPython, one rule has held: however many
            threads a program starts, only one of them executes Python bytecode at a time.
            The global interpreter lock (GIL) kept the interpreter's internals simple and
            single-threaded code fast, but it meant CPU-bound work could not use more than
            one core without reaching for multiple processes.

            Python 3.13 is the first release to offer an alternative. Following PEP 703, it
            can be built in a *free-threaded* configuration in which the GIL is disabled and
            threads really do run in parallel.

            ## It is a separate build

            Free threading is not a switch on the normal interpreter. It is a different build
            of CPython, usually installed alongside the regular one under a name with a `t`
            suffix, such as `python3.13t`. The official Windows and macOS installers offer it
            as an optional component, and several Linux distributions package it separately.

            You can check what you are running from inside Python:

            ```python
            import sys
            import sysconfig
            import threading
            import time

            print("free-threaded build:", bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
            print("GIL enabled right now:", sys._is_gil_enabled())


            def burn(n: int) -> int:
                total = 0
                for i in range(n):
                    total += i * i
                return total


            start = time.perf_counter()
            workers = [threading.Thread(target=burn, args=(5_000_000,)) for _ in range(4)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            print(f"four threads: {time.perf_counter() - start:.2f}s")
            ```

            On a regular build the four threads take roughly as long as calling `burn` four
            times in a row. On a free-threaded build with four idle cores, the wall-clock time
            should fall towards that of a single call.

            ## Extensions can turn the lock back on

            C extension modules have to declare that they are safe to run without the GIL. If
            you import one that has not, the free-threaded interpreter re-enables the GIL for
            the rest of the process and prints a warning. That is why
            `sys._is_gil_enabled()` is worth checking while your program runs, not only at
            start-up. Setting the environment variable `PYTHON_GIL=0`, or passing `-X gil=0`,
            keeps the lock off regardless; do that only for testing.

            Many popular packages now publish free-threaded wheels, but coverage is still
            uneven, so check your dependency tree before drawing conclusions from a benchmark.

            ## What it costs

            - **Single-threaded code is slower.** Some of the interpreter's optimisations are
              disabled in the 3.13 free-threaded build, so even code that never starts a
              thread pays a noticeable penalty.
            - **Memory use goes up**, because objects need extra bookkeeping so that
              reference counts can be updated safely from several threads.
            - **Races are easier to hit.** Code that updates shared state without a lock was
              never guaranteed to be correct, but the GIL often hid the problem. Without it,
              such bugs show up far more often. Use `threading.Lock` or a `queue.Queue`.

            ## Should you switch?

            Not for production yet: the core developers describe the 3.13 build as
            experimental. The most useful things to do now are to run your test suite on
            `python3.13t`, report problems to the libraries you depend on, and measure whether
            your CPU-bound workloads would benefit. If your program mostly waits for the
            network or a database, threads were already fine and the GIL was never your
            bottleneck.
            """
        ),
        "title_tr": "Python 3.13'ün GIL'siz derlemesi: küresel kilit kalkınca neler değişiyor?",
        "standfirst_tr": (
            "Python 3.13, küresel yorumlayıcı kilidi olmadan çalışabilen deneysel bir "
            "derlemeyle geliyor. Nasıl deneyebileceğinizi, neyi ölçmeniz gerektiğini ve neden "
            "henüz varsayılan olmadığını bu yazıda bulabilirsiniz."
        ),
        "body_tr": _md(
            """
            Geliştiricilerin çoğu CPython'u kullandığı sürece tek bir kural hep geçerliydi: bir
            program kaç iş parçacığı (thread) başlatırsa başlatsın, aynı anda yalnızca biri
            Python bayt kodu çalıştırabilir. Küresel yorumlayıcı kilidi (GIL), yorumlayıcının
            iç yapısını sade, tek iş parçacıklı kodu da hızlı tuttu; ama bunun bedeli,
            işlemciye yüklenen işlerin birden fazla süreç başlatmadan birden fazla çekirdek
            kullanamamasıydı.

            Python 3.13 buna alternatif sunan ilk sürüm. PEP 703 doğrultusunda, GIL'in devre
            dışı bırakıldığı ve iş parçacıklarının gerçekten paralel çalıştığı *serbest iş
            parçacıklı* (free-threaded) bir yapılandırmayla derlenebiliyor.

            ## Ayrı bir derleme

            Serbest iş parçacığı desteği, alışılmış yorumlayıcıda açılıp kapanan bir ayar
            değil. CPython'un ayrı bir derlemesi; genellikle normal sürümün yanına `python3.13t`
            gibi `t` sonekli bir adla kuruluyor. Resmî Windows ve macOS yükleyicileri bunu
            isteğe bağlı bir bileşen olarak sunuyor, birçok Linux dağıtımı da ayrı bir paket
            olarak dağıtıyor.

            Hangi derlemeyi çalıştırdığınızı Python'un içinden kontrol edebilirsiniz:

            ```python
            import sys
            import sysconfig
            import threading
            import time

            print("free-threaded build:", bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
            print("GIL enabled right now:", sys._is_gil_enabled())


            def burn(n: int) -> int:
                total = 0
                for i in range(n):
                    total += i * i
                return total


            start = time.perf_counter()
            workers = [threading.Thread(target=burn, args=(5_000_000,)) for _ in range(4)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            print(f"four threads: {time.perf_counter() - start:.2f}s")
            ```

            Normal derlemede dört iş parçacığı, `burn` fonksiyonunu art arda dört kez çağırmak
            kadar sürer. Dört boş çekirdeği olan bir makinede serbest iş parçacıklı derlemeyle
            ise toplam süre tek bir çağrınınkine yaklaşmalı.

            ## Eklentiler kilidi geri açabilir

            C eklenti modüllerinin GIL olmadan güvenle çalışabildiklerini açıkça bildirmeleri
            gerekiyor. Bunu yapmamış bir modülü içe aktarırsanız, serbest iş parçacıklı
            yorumlayıcı sürecin geri kalanı için GIL'i yeniden etkinleştirir ve bir uyarı
            yazdırır. Bu yüzden `sys._is_gil_enabled()` değerini yalnızca başlangıçta değil,
            program çalışırken de kontrol etmekte fayda var. `PYTHON_GIL=0` ortam değişkeni ya
            da `-X gil=0` seçeneği kilidi her durumda kapalı tutar; bunu yalnızca test için
            yapın.

            Pek çok popüler paket artık serbest iş parçacıklı wheel dosyaları yayımlıyor, ama
            destek henüz her pakette aynı düzeyde değil. Bir kıyaslamadan sonuç çıkarmadan
            önce bağımlılık ağacınızı gözden geçirin.

            ## Bedeli ne?

            - **Tek iş parçacıklı kod yavaşlıyor.** Yorumlayıcının bazı optimizasyonları 3.13
              serbest iş parçacıklı derlemede devre dışı; bu yüzden hiç iş parçacığı
              başlatmayan kod bile hissedilir bir bedel ödüyor.
            - **Bellek kullanımı artıyor**, çünkü referans sayılarının birden fazla iş
              parçacığından güvenle güncellenebilmesi için nesnelerin ek kayıt tutması
              gerekiyor.
            - **Yarış koşullarına rastlamak kolaylaşıyor.** Paylaşılan durumu kilitsiz
              güncelleyen kodun doğru çalışması hiçbir zaman garanti değildi, ama GIL çoğu
              zaman sorunu gizliyordu. GIL olmadan bu tür hatalar çok daha sık ortaya çıkıyor.
              `threading.Lock` ya da `queue.Queue` kullanın.

            ## Geçmeli misiniz?

            Üretim ortamı için henüz değil: çekirdek geliştiriciler 3.13 derlemesini deneysel
            olarak tanımlıyor. Şu an yapılabilecek en yararlı şey, test takımınızı
            `python3.13t` üzerinde çalıştırmak, bağımlı olduğunuz kütüphanelerde karşılaştığınız
            sorunları bildirmek ve işlemci yoğun işlerinizin bundan kazanç sağlayıp
            sağlamayacağını ölçmek. Programınız çoğunlukla ağı ya da veritabanını bekliyorsa,
            iş parçacıkları zaten yeterliydi ve darboğazınız hiçbir zaman GIL değildi.
            """
        ),
        "summary_en": (
            "Python 3.13 offers an experimental free-threaded build, installed separately as "
            "python3.13t, in which threads can run Python code in parallel. C extensions that "
            "have not declared support switch the GIL back on and single-threaded code runs "
            "slower, so the build is recommended for testing rather than production."
        ),
        "summary_tr": (
            "Python 3.13, iş parçacıklarının Python kodunu paralel çalıştırabildiği ve "
            "python3.13t adıyla ayrıca kurulan deneysel bir GIL'siz derleme sunuyor. Desteğini "
            "bildirmemiş C eklentileri GIL'i yeniden açıyor ve tek iş parçacıklı kod "
            "yavaşlıyor; bu yüzden derlemenin şimdilik üretimde değil, testlerde kullanılması "
            "öneriliyor."
        ),
    },
    # 4. Own reporting; Turkish title, standfirst and summary only.
    {
        "category": "infrastructure",
        "source": None,
        "original_url": "",
        "days_ago": 11,
        "hour": 10,
        "minute": 30,
        "title_en": "Cache-Control, ETag and friends: a practical guide to HTTP caching",
        "standfirst_en": (
            "A handful of response headers decide whether a browser asks your server again or "
            "uses the copy it already has. Getting them right is one of the cheapest speed-ups "
            "on the web."
        ),
        "body_en": _md(
            """
            Every response your server sends can carry instructions about how long it may be
            reused, and by whom. Browsers, CDNs and corporate proxies all follow those
            instructions, so a few well-chosen headers can remove a large share of the
            requests that ever reach your application.

            ## Freshness: Cache-Control

            `Cache-Control` is the header that matters most. Its common directives:

            - `max-age=N`: the response is fresh for N seconds, and during that time a cache
              may serve it without asking the server.
            - `s-maxage=N`: the same, but only for shared caches such as CDNs, where it
              overrides `max-age`.
            - `public` or `private`: whether shared caches may store the response at all.
              Anything personalised, like a page showing the signed-in user's name, should be
              `private`.
            - `no-cache`: despite the name, the response *may* be stored, but it must be
              revalidated with the server before every use.
            - `no-store`: do not keep it anywhere. Use it for sensitive data.
            - `immutable`: the response will never change, so browsers need not revalidate it
              even when the user reloads the page.

            ## Validation: ETag and Last-Modified

            A stale copy does not have to be downloaded again. If the original response
            carried an `ETag` (a fingerprint of the content) or a `Last-Modified` date, the
            cache sends a conditional request, and if nothing has changed the server answers
            `304 Not Modified` with no body:

            ```http
            GET /articles/http-caching/ HTTP/1.1
            Host: example.com
            If-None-Match: "5f3a9c"

            HTTP/1.1 304 Not Modified
            ETag: "5f3a9c"
            Cache-Control: max-age=0, must-revalidate
            ```

            The request still costs a round trip, but the response is tiny, and your
            application can often answer it without rendering the page at all.

            ## Two patterns that cover most sites

            **Fingerprinted static files.** If your build puts a hash in file names, such as
            `app.3f9c2b.css`, the content behind a URL never changes. Serve those files with
            `Cache-Control: public, max-age=31536000, immutable` and forget about them; the
            next deployment produces new URLs.

            **HTML pages.** They change whenever the content does, so keep freshness short and
            validation cheap: `Cache-Control: max-age=0, must-revalidate` plus an `ETag`. If a
            CDN sits in front, a short `s-maxage` combined with `stale-while-revalidate=60`
            lets it serve a slightly old copy while it fetches a new one in the background.

            ## Don't forget Vary

            If the same URL returns different content depending on a request header, say so.
            A site that picks the language from `Accept-Language` must send
            `Vary: Accept-Language`, or a CDN may show a Turkish page to an English reader.
            Cookies raise the same problem, which is why pages that depend on a session should
            be `private`.

            ## Checking your work

            Open your browser's developer tools, reload and look at the network panel: cached
            responses are marked as coming from the memory or disk cache, and revalidated ones
            show a 304 status. On the command line, `curl -I https://example.com/` prints the
            headers you are really sending, which are not always the ones you think you
            configured.
            """
        ),
        "title_tr": "Cache-Control, ETag ve diğerleri: HTTP önbelleklemeye pratik bir bakış",
        "standfirst_tr": (
            "Tarayıcının sunucunuza yeniden mi soracağına, yoksa elindeki kopyayı mı "
            "kullanacağına birkaç yanıt başlığı karar veriyor. Bunları doğru ayarlamak, web'deki "
            "en ucuz hızlandırma yöntemlerinden biri."
        ),
        "body_tr": "",
        "summary_en": (
            "Cache-Control sets how long and by whom a response may be reused, while ETag and "
            "Last-Modified let caches revalidate stale copies with cheap 304 responses. "
            "Fingerprinted static files can be cached for a year as immutable, HTML pages "
            "should be revalidated, and Vary must name every request header that changes the "
            "response."
        ),
        "summary_tr": (
            "Cache-Control bir yanıtın ne kadar süreyle ve kimler tarafından yeniden "
            "kullanılabileceğini belirler; ETag ve Last-Modified ise eskimiş kopyaların hafif "
            "304 yanıtlarıyla doğrulanmasını sağlar. Dosya adında içerik özeti taşıyan statik "
            "dosyalar bir yıl boyunca immutable olarak önbellekte tutulabilir, HTML sayfaları "
            "yeniden doğrulanmalı ve yanıtı değiştiren her istek başlığı Vary'de belirtilmelidir."
        ),
    },
    # 5. Own reporting; full Turkish translation.
    {
        "category": "infrastructure",
        "source": None,
        "original_url": "",
        "days_ago": 15,
        "hour": 8,
        "minute": 50,
        "title_en": "PostgreSQL or SQLite for a small site? Less of a dilemma than it looks",
        "standfirst_en": (
            "SQLite now runs plenty of production websites, and PostgreSQL is no longer hard "
            "to host. We compared the two for the kind of site most small teams actually run."
        ),
        "body_en": _md(
            """
            Ask which database a small web project should use and you will still hear that
            SQLite is for development and PostgreSQL is for production. That advice made sense
            once. Today the real answer depends on how your site writes data and how you
            deploy it, not on how big it is.

            ## How they differ

            SQLite is a library. The whole database is a single file on disk, and your
            application reads and writes it directly, with no server process and no network
            hop. PostgreSQL is a server: your application connects to it over a socket, and it
            manages its own files, users, memory and background work.

            | | SQLite | PostgreSQL |
            |---|---|---|
            | Runs as | A library inside your app | A separate server process |
            | Concurrent writers | One at a time | Many |
            | Setup | None; it is a file | Install, configure, create roles |
            | Backups | Copy with `.backup` or `VACUUM INTO` | `pg_dump` or continuous archiving |
            | Several app servers | Awkward: all need the same file | Designed for it |
            | Extras | JSON functions, FTS5 full-text search | JSONB, full-text search, extensions |

            ## Where SQLite shines

            A blog, a documentation site or a small shop's catalogue mostly reads. SQLite
            serves reads very quickly because there is no round trip to another process. In
            write-ahead logging (WAL) mode, readers do not block the writer and the writer does
            not block readers, which is plenty for most sites. Operations are simple too: there
            is one file to back up and nothing else to patch or monitor.

            A few settings matter. Turn on WAL mode; set a busy timeout so that a second writer
            waits instead of failing at once; and start write transactions as `IMMEDIATE` so
            that two requests do not deadlock while upgrading a read lock. Recent Django
            versions let you set all of this in `DATABASES`:

            ```python
            DATABASES = {
                "default": {
                    "ENGINE": "django.db.backends.sqlite3",
                    "NAME": BASE_DIR / "db.sqlite3",
                    "OPTIONS": {
                        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                        "transaction_mode": "IMMEDIATE",
                        "timeout": 5,
                    },
                }
            }
            ```

            ## Where PostgreSQL earns its keep

            Choose PostgreSQL when many users write at the same time (comments, orders,
            collaborative editing), when you run more than one application server, or when
            you want row-level locking, `LISTEN`/`NOTIFY`, richer indexing and extensions such
            as PostGIS. Managed databases from most hosting providers have also removed much of
            the operational burden that used to push small teams towards SQLite.

            ## Our rule of thumb

            - One server, mostly reads, a handful of editors: **SQLite** is enough, and
              simpler.
            - Several servers, or many users writing at once: **PostgreSQL**.
            - Not sure: start with whichever your host makes easy. With an ORM, moving later
              is a data migration rather than a rewrite, as long as you have not leaned on
              features only one of them has.

            Whatever you pick, test your restore procedure. A backup you have never restored is
            a hope, not a backup.
            """
        ),
        "title_tr": (
            "Küçük bir site için PostgreSQL mi, SQLite mı? Sanıldığı kadar zor bir seçim değil"
        ),
        "standfirst_tr": (
            "SQLite bugün pek çok canlı web sitesini çalıştırıyor, PostgreSQL'i barındırmak da "
            "artık zor değil. İkisini, küçük ekiplerin gerçekte işlettiği türden siteler için "
            "karşılaştırdık."
        ),
        "body_tr": _md(
            """
            Küçük bir web projesinde hangi veritabanının kullanılması gerektiğini sorduğunuzda
            hâlâ SQLite'ın geliştirme, PostgreSQL'in ise canlı ortam için olduğunu duyarsınız.
            Bu tavsiye bir zamanlar mantıklıydı. Bugün asıl yanıt sitenizin büyüklüğüne değil,
            veriyi nasıl yazdığına ve nasıl dağıtıldığına bağlı.

            ## Nasıl ayrışıyorlar?

            SQLite bir kütüphanedir. Veritabanının tamamı diskteki tek bir dosyadır ve
            uygulamanız bu dosyayı, arada bir sunucu süreci ya da ağ bağlantısı olmadan
            doğrudan okuyup yazar. PostgreSQL ise bir sunucudur: uygulamanız ona bir soket
            üzerinden bağlanır, o da kendi dosyalarını, kullanıcılarını, belleğini ve arka plan
            işlerini yönetir.

            | | SQLite | PostgreSQL |
            |---|---|---|
            | Çalışma biçimi | Uygulamanın içinde bir kütüphane | Ayrı bir sunucu süreci |
            | Eşzamanlı yazma | Aynı anda tek yazıcı | Çok sayıda yazıcı |
            | Kurulum | Yok; bir dosyadan ibaret | Kurulum, yapılandırma, rol tanımları |
            | Yedekleme | `.backup` ya da `VACUUM INTO` | `pg_dump` ya da sürekli arşivleme |
            | Çoklu sunucu | Zahmetli: hepsi aynı dosyaya erişmeli | Bunun için tasarlandı |
            | Ek özellikler | JSON, FTS5 ile tam metin arama | JSONB, tam metin arama, eklentiler |

            ## SQLite'ın parladığı yer

            Bir blog, bir dokümantasyon sitesi ya da küçük bir mağazanın kataloğu çoğunlukla
            okuma yapar. Başka bir sürece gidip gelmek gerekmediği için SQLite okumaları çok
            hızlı karşılar. Önceden yazma günlüğü (WAL) kipinde okuyucular yazıcıyı, yazıcı da
            okuyucuları engellemez; bu da çoğu site için fazlasıyla yeterlidir. İşletmesi de
            kolaydır: yedeklenecek tek bir dosya vardır, yamanacak ya da izlenecek başka bir
            şey yoktur.

            Birkaç ayar önemli. WAL kipini açın; ikinci bir yazıcının hemen hata vermek yerine
            beklemesi için bir bekleme süresi (busy timeout) tanımlayın; yazma işlemlerini de
            `IMMEDIATE` olarak başlatın ki iki istek okuma kilidini yükseltmeye çalışırken
            birbirini kilitlemesin. Django'nun yeni sürümlerinde bunların hepsini `DATABASES`
            içinde ayarlayabilirsiniz:

            ```python
            DATABASES = {
                "default": {
                    "ENGINE": "django.db.backends.sqlite3",
                    "NAME": BASE_DIR / "db.sqlite3",
                    "OPTIONS": {
                        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                        "transaction_mode": "IMMEDIATE",
                        "timeout": 5,
                    },
                }
            }
            ```

            ## PostgreSQL'in hakkını verdiği yer

            Çok sayıda kullanıcı aynı anda yazıyorsa (yorumlar, siparişler, ortak düzenleme),
            birden fazla uygulama sunucusu çalıştırıyorsanız ya da satır düzeyinde kilitleme,
            `LISTEN`/`NOTIFY`, daha zengin indeksleme ve PostGIS gibi eklentilere
            ihtiyacınız varsa PostgreSQL'i seçin. Çoğu barındırma sağlayıcısının sunduğu
            yönetilen veritabanları, bir zamanlar küçük ekipleri SQLite'a iten işletim yükünün
            büyük bölümünü de ortadan kaldırdı.

            ## Bizim pratik kuralımız

            - Tek sunucu, çoğunlukla okuma, bir avuç editör: **SQLite** yeterli ve daha basit.
            - Birden çok sunucu ya da aynı anda yazan çok sayıda kullanıcı: **PostgreSQL**.
            - Emin değilseniz: barındırma sağlayıcınızın kolaylaştırdığıyla başlayın. Bir ORM
              kullanıyorsanız ve yalnızca birine özgü özelliklere yaslanmadıysanız, sonradan
              geçiş bir yeniden yazım değil, bir veri taşıma işidir.

            Hangisini seçerseniz seçin, geri yükleme prosedürünüzü mutlaka deneyin. Hiç geri
            yüklenmemiş bir yedek, yedek değil, bir umuttur.
            """
        ),
        "summary_en": (
            "For a small, read-heavy site on a single server, SQLite in WAL mode is usually "
            "enough and simpler to run; PostgreSQL is the better choice when many users write "
            "at once or several application servers share the database. Whichever is chosen, "
            "restoring from backup should be tested."
        ),
        "summary_tr": (
            "Tek sunucuda çalışan ve ağırlıklı olarak okuma yapan küçük bir site için WAL "
            "kipindeki SQLite çoğu zaman yeterli ve işletmesi daha kolay. Aynı anda çok sayıda "
            "kullanıcının yazdığı ya da birden fazla uygulama sunucusunun veritabanını "
            "paylaştığı durumlarda PostgreSQL daha doğru seçim; hangisi seçilirse seçilsin, "
            "yedekten geri yükleme mutlaka denenmeli."
        ),
    },
    # 6. Own reporting; Turkish title, standfirst and summary only.
    {
        "category": "security",
        "source": None,
        "original_url": "",
        "days_ago": 19,
        "hour": 14,
        "minute": 20,
        "title_en": "Passkeys explained: how WebAuthn replaces the password you keep forgetting",
        "standfirst_en": (
            "Passkeys are now supported by every major browser and operating system. We look "
            "at how they work, why they resist phishing, and what a site needs in order to "
            "adopt them."
        ),
        "body_en": _md(
            """
            ## A key pair instead of a shared secret

            A password is a secret that both you and the website know. That is its weakness:
            it can be guessed, reused, leaked from a database or typed into a convincing fake
            sign-in page.

            A passkey works differently. When you register, your device creates a new
            public/private key pair for that one site. The private key stays on your device,
            or in your platform's encrypted keychain; the site stores only the public key. To
            sign in, the site sends a random challenge, your device signs it once you unlock
            it with a fingerprint, a face scan or a PIN, and the site checks the signature
            against the public key it has on file.

            The standard behind this is WebAuthn, a W3C specification, which works together
            with the FIDO Alliance's CTAP protocol for external security keys. "Passkey" is the
            friendlier name the industry settled on for these credentials.

            ## Why phishing stops working

            Each passkey is bound to the domain it was created for. The browser, not the user,
            decides which credential to offer, and it will only use a passkey made for
            `example.com` on `example.com`. A look-alike domain gets nothing, however
            convincing the page. And because the server keeps only public keys, a database
            breach leaks nothing an attacker could sign in with.

            ## What it looks like in code

            In the browser, registration and sign-in are two calls to the Credential
            Management API. A simplified sign-in request looks like this:

            ```javascript
            const credential = await navigator.credentials.get({
              publicKey: {
                challenge: challengeFromServer, // random bytes, used once
                rpId: "example.com",
                userVerification: "preferred",
              },
            });
            // Send credential.response to the server, which verifies the signature.
            ```

            The server side (issuing challenges, verifying signatures, storing credential IDs
            and public keys) is fiddly enough that you should use a well-maintained library
            rather than write it yourself. Mature ones exist for most languages.

            ## Synced or device-bound

            - **Synced passkeys** are backed up through Apple's iCloud Keychain, Google
              Password Manager or a third-party password manager, so a new phone does not mean
              going through account recovery.
            - **Device-bound passkeys** live on a single hardware security key and never leave
              it. Organisations with strict requirements often prefer them.

            ## What to plan for

            - **Keep a fallback for now.** Not every user has a compatible device, and some
              will lose theirs. Let people register several passkeys, and design account
              recovery carefully: it is now the weakest link.
            - **Offer, don't force.** Suggesting a passkey right after a successful password
              sign-in persuades far more people than a mandatory switch.
            - **Use autofill.** With conditional mediation, the browser suggests passkeys in
              the ordinary username field, so the sign-in page needs no extra button.

            Passwords will be with us for years yet. For sites that manage user accounts,
            though, passkeys are now the most practical way to take phishing off the table.
            """
        ),
        "title_tr": "Geçiş anahtarları: WebAuthn, unutup durduğunuz parolanın yerini nasıl alıyor?",
        "standfirst_tr": (
            "Geçiş anahtarları (passkey) artık tüm büyük tarayıcılar ve işletim sistemlerince "
            "destekleniyor. Nasıl çalıştıklarına, oltalamaya neden dayanıklı olduklarına ve "
            "bir sitenin onları benimsemek için nelere ihtiyaç duyduğuna baktık."
        ),
        "body_tr": "",
        "summary_en": (
            "Passkeys replace shared passwords with a key pair per site: the device keeps the "
            "private key and the site stores only the public key. Because each passkey is "
            "bound to its domain, phishing pages cannot use it, but sites should still keep a "
            "fallback and plan account recovery carefully."
        ),
        "summary_tr": (
            "Geçiş anahtarları, paylaşılan parolaların yerine her site için ayrı bir anahtar "
            "çifti kullanır: özel anahtar cihazda kalır, site yalnızca açık anahtarı saklar. "
            "Her anahtar kendi alan adına bağlı olduğu için oltalama sayfaları onu kullanamaz; "
            "yine de sitelerin bir yedek giriş yolu bulundurması ve hesap kurtarmayı dikkatle "
            "tasarlaması gerekir."
        ),
    },
    # 7. Republished from DEV Community; Turkish title, standfirst and summary only.
    {
        "category": "open-source",
        "source": "dev-to",
        "original_url": (
            "https://dev.to/aysedemir/before-you-open-that-pull-request-notes-from-a-maintainer-1p7b"
        ),
        "days_ago": 24,
        "hour": 17,
        "minute": 45,
        "title_en": "Before you open that pull request: notes from a tired maintainer",
        "standfirst_en": (
            "The maintainer of a mid-sized open-source library explains what makes a "
            "contribution easy to merge, and what quietly sends it to the bottom of the queue."
        ),
        "body_en": _md(
            """
            I have looked after a mid-sized Python library for six years, mostly in the
            evenings and at weekends, and in that time I have reviewed well over a thousand
            pull requests. Almost all of them were made in good faith. Many were still hard to
            merge. Here is what I wish every first-time contributor knew.

            ## Ask before you build

            If your change is bigger than a typo fix, open an issue first and describe what you
            want to do. It takes five minutes and can save you a weekend. The feature may
            already be planned differently, may have been turned down for a reason buried in an
            old thread, or may work better as a separate package. A maintainer who has said
            "yes, please" in advance is a maintainer who will review your code quickly.

            ## Keep it small

            A pull request that touches forty files does not get reviewed; it gets postponed.
            Separate refactoring from changes in behaviour, and both from reformatting. If a
            reviewer can read your change in one sitting, it will probably be merged in one
            sitting.

            ## Make CI green before asking for review

            Run the project's tests and linters locally. Most projects explain how in a
            `CONTRIBUTING.md` file, and the steps usually look something like this:

            ```bash
            git switch -c fix-timezone-parsing
            python -m pip install -e ".[dev]"
            pre-commit run --all-files
            python -m pytest
            git commit -s -m "Fix parsing of UTC offsets without a colon"
            ```

            The `-s` flag adds a `Signed-off-by` line, which projects using the Developer
            Certificate of Origin require. If a project has no such rule, it does no harm.

            ## Explain the why

            Your description should answer three questions: what problem does this solve, how
            did you solve it, and how can I check that it works? Link the issue, and mention
            anything you were unsure about. "Fixes #412" on its own makes the reviewer
            reconstruct your reasoning from the diff.

            ## Respond, then be patient

            A review is a conversation, not a verdict. If a maintainer asks for changes, push
            them to the same branch instead of opening a new pull request. If a week goes by in
            silence, one polite reminder is fine. Most of us are volunteers with day jobs, and
            silence usually means we are busy, not that we are ignoring you.

            ## Things that help more than code

            - Reproducing and triaging open bug reports.
            - Improving the documentation wherever you got stuck.
            - Answering other users' questions in the issue tracker.

            A project where more people do these things has more maintainer time left over for
            reviewing your feature.
            """
        ),
        "title_tr": "Pull request açmadan önce: yorgun bir proje bakımcısından notlar",
        "standfirst_tr": (
            "Orta ölçekli bir açık kaynak kütüphanenin bakımcısı, bir katkının kolayca "
            "birleştirilmesini neyin sağladığını ve neyin onu sessizce kuyruğun en sonuna "
            "gönderdiğini anlatıyor."
        ),
        "body_tr": "",
        "summary_en": (
            "A long-time maintainer advises contributors to discuss larger changes in an issue "
            "first, keep pull requests small, run tests and linters locally and explain why a "
            "change is needed. Triage, documentation and answering questions free up "
            "maintainer time for reviews."
        ),
        "summary_tr": (
            "Yıllardır bir kütüphanenin bakımını yapan yazar, katkıda bulunanlara büyük "
            "değişiklikleri önce bir issue'da tartışmalarını, pull request'leri küçük "
            "tutmalarını, testleri ve linter'ları yerelde çalıştırmalarını ve değişikliğin "
            "gerekçesini açıklamalarını öneriyor. Hata raporlarını ayıklamak, belgeleri "
            "iyileştirmek ve soruları yanıtlamak da bakımcılara inceleme için zaman kazandırıyor."
        ),
    },
    # 8. Own reporting; Turkish title, standfirst and summary only.
    {
        "category": "security",
        "source": None,
        "original_url": "",
        "days_ago": 29,
        "hour": 9,
        "minute": 5,
        "title_en": "Pin your Python dependencies by hash, and other supply-chain basics",
        "standfirst_en": (
            "Attacks on package registries increasingly target the libraries applications "
            "install rather than the applications themselves. A few habits make a Python "
            "project much harder to compromise."
        ),
        "body_en": _md(
            """
            Most applications consist mainly of other people's code. A typical Django project
            pulls in dozens of packages, each of which may pull in more, and every one of them
            runs with the same permissions as your own code. Attackers have noticed:
            typosquatted package names, hijacked maintainer accounts and malicious releases of
            genuine packages turn up on every major registry, PyPI included.

            None of the measures below is new or exotic. Together they close the most common
            gaps.

            ## Lock every version, including indirect ones

            A `requirements.txt` that says `django>=5` means "whatever is newest when this
            runs". If a malicious release of one of your dependencies appears tomorrow, your
            next deployment installs it. Generate a lock file that lists every package, direct
            or indirect, at an exact version, and commit it. Tools such as pip-tools and uv
            produce one from a short list of your direct dependencies.

            ## Add hashes

            An exact version is not enough on its own: you also want to know that you are
            installing the same file you tested. Hashes give you that.

            ```bash
            # Resolve and pin every dependency, recording the SHA-256 of each allowed file
            uv pip compile requirements.in --generate-hashes -o requirements.txt

            # Refuse anything that is unpinned or does not match its recorded hash
            python -m pip install --require-hashes --no-deps -r requirements.txt
            ```

            In hash-checking mode, pip rejects any download that does not match and any
            requirement that is not pinned with a hash. A swapped file on a mirror or a
            poisoned cache then fails loudly instead of slipping through.

            ## Review what changes

            When a lock file update arrives, read the diff. A new indirect dependency you have
            never heard of deserves a look: who publishes it, how old it is, and whether its
            name is one letter away from a popular package. Automated update tools help here,
            because each change arrives as a small, separate pull request.

            ## Publish safely too

            If you maintain packages yourself, use PyPI's trusted publishing, which lets a CI
            workflow upload releases with short-lived credentials instead of a long-lived API
            token stored as a secret. Turn on two-factor authentication for your account, and
            make sure every co-maintainer does the same.

            ## Keep the blast radius small

            - Build release artefacts in CI, not on a laptop, so they are produced from the
              repository and nothing else.
            - Run your application as an unprivileged user, with only the credentials it
              needs.
            - Audit regularly with a tool such as `pip-audit`, which checks your pinned
              versions against published vulnerability advisories.

            No single step makes a project safe. The aim is that when something upstream goes
            wrong, you find out before your users do.
            """
        ),
        "title_tr": (
            "Python bağımlılıklarını hash ile sabitleyin: tedarik zinciri güvenliğinin temelleri"
        ),
        "standfirst_tr": (
            "Paket depolarına yönelik saldırılar giderek uygulamaların kendisini değil, "
            "kurdukları kütüphaneleri hedef alıyor. Birkaç alışkanlık, bir Python projesini ele "
            "geçirmeyi çok daha zor hâle getiriyor."
        ),
        "body_tr": "",
        "summary_en": (
            "To reduce supply-chain risk, Python projects should lock every direct and "
            "indirect dependency to an exact version with hashes and install in pip's "
            "--require-hashes mode. Reviewing lock-file changes, publishing through PyPI's "
            "trusted publishing with two-factor authentication, and auditing pinned versions "
            "limit the damage when an upstream package is compromised."
        ),
        "summary_tr": (
            "Tedarik zinciri riskini azaltmak için Python projeleri doğrudan ve dolaylı tüm "
            "bağımlılıklarını hash değerleriyle birlikte kesin sürümlere sabitlemeli ve pip'in "
            "--require-hashes kipiyle kurmalı. Kilit dosyasındaki değişiklikleri incelemek, "
            "PyPI'ın güvenilir yayımlama özelliğini iki aşamalı doğrulamayla birlikte kullanmak "
            "ve sabitlenen sürümleri düzenli olarak taramak, üst akıştaki bir paket ele "
            "geçirildiğinde zararı sınırlar."
        ),
    },
    # 9. Republished from DEV Community; English only.
    {
        "category": "software",
        "source": "dev-to",
        "original_url": (
            "https://dev.to/tomaszkowal/deleted-the-wrong-branch-gits-reflog-has-your-back-4g2n"
        ),
        "days_ago": 34,
        "hour": 13,
        "minute": 10,
        "title_en": "Deleted the wrong branch? Git's reflog has your back",
        "standfirst_en": (
            "Git almost never throws commits away straight away. The reflog records where "
            "your branches and HEAD have pointed, which makes most lost-work moments "
            "recoverable."
        ),
        "body_en": _md(
            """
            It happens to everyone sooner or later. You run `git branch -D` on the wrong name,
            a `git reset --hard` goes one commit too far, or a rebase leaves your history
            looking nothing like it did five minutes ago. The commits seem to be gone.

            They almost certainly are not. Git stores commits as objects and deletes
            unreachable ones only during garbage collection, which by default leaves recent
            objects alone for weeks. What you have lost is a *name* pointing at them, and the
            reflog helps you find it again.

            ## What the reflog records

            Every time `HEAD` or a branch tip moves (a commit, checkout, reset, merge, rebase
            or pull), Git appends an entry to a local log. `git reflog` shows the log for
            `HEAD`, newest first:

            ```bash
            $ git reflog
            a41c9e2 (HEAD -> main) HEAD@{0}: checkout: moving from feature/search to main
            7d03b1f HEAD@{1}: commit: Add search ranking by recency
            c2e8a55 HEAD@{2}: commit: Index article titles
            9f1d7a0 HEAD@{3}: checkout: moving from main to feature/search
            ```

            Each `HEAD@{n}` is a position you can pass to any Git command.

            ## Bringing a branch back

            Say you have just deleted `feature/search`. Git told you its last commit when it
            deleted it ("Deleted branch feature/search (was 7d03b1f)"), and the reflog shows
            the same hash next to "Add search ranking by recency". Create a branch there and
            it is as if nothing happened:

            ```bash
            git branch feature/search 7d03b1f
            git log --oneline -3 feature/search
            ```

            Undoing a bad reset works the same way: `git reset --hard HEAD@{1}` takes you back
            to where `HEAD` was before its last move. Check the target with `git show` first,
            because a hard reset also throws away uncommitted changes.

            ## Things to know

            - **The reflog is local.** It lives in your `.git` directory and is never pushed.
              A fresh clone starts with an empty one, and a colleague's reflog cannot help you.
            - **Entries expire.** By default, entries for reachable commits are kept for 90
              days and entries for unreachable ones for 30 (`gc.reflogExpire` and
              `gc.reflogExpireUnreachable`).
            - **Uncommitted work is not in it.** Changes you never committed or stashed are
              not recorded. If you had staged them, `git fsck --lost-found` may still find the
              file contents, but without their names.
            - **Each branch has its own.** `git reflog show feature/search` shows the history
              of one branch, for as long as that branch exists.

            ## A habit worth forming

            Before anything risky, such as an interactive rebase or a force push, create a
            throwaway branch: `git branch backup-before-rebase`. It costs nothing, and it turns
            a hunt through the reflog into a single `git reset --hard backup-before-rebase`.
            """
        ),
        "title_tr": "",
        "standfirst_tr": "",
        "body_tr": "",
        "summary_en": (
            "Git keeps commits for weeks after a branch is deleted or a reset goes wrong, and "
            "the local reflog records where HEAD and each branch have pointed. Creating a "
            "branch at the right reflog entry restores lost work, as long as the changes were "
            "committed and the entries have not expired."
        ),
        "summary_tr": "",
    },
    # 10. Own reporting; English only.
    {
        "category": "open-source",
        "source": None,
        "original_url": "",
        "days_ago": 40,
        "hour": 15,
        "minute": 35,
        "title_en": "MIT, Apache, GPL: choosing an open-source licence without a law degree",
        "standfirst_en": (
            "The licence file is often the last thing added to a new project and the first "
            "thing a company's lawyers read. Here is what the common choices actually require."
        ),
        "body_en": _md(
            """
            Publishing code in a public repository without a licence does not make it open
            source. Copyright law reserves all rights to the author by default, so others may
            look at the code but cannot legally reuse it. Adding a licence is what turns
            visible code into code other people can build on.

            Nearly every project picks from a short list, and the options fall into two
            families.

            ## Permissive licences

            Permissive licences let anyone use, modify and redistribute the code, including in
            proprietary products, as long as they keep the copyright and licence notices.

            - **MIT** is the shortest and most popular. It asks for attribution, disclaims any
              warranty, and that is about it.
            - **Apache License 2.0** adds an explicit patent grant from contributors, which
              ends for anyone who sues over patents in the code. It also asks redistributors
              to mark files they changed and to pass on any `NOTICE` file. Many companies
              prefer it for that clarity about patents.
            - **BSD licences** (2-clause and 3-clause) are close to MIT; the 3-clause version
              also forbids using the authors' names to promote derived products.

            ## Copyleft licences

            Copyleft licences require modified versions to be shared under the same terms when
            you distribute them.

            - **GPL-3.0** covers the whole program: if you distribute software that includes
              GPL code, you must offer the complete corresponding source under the GPL.
            - **AGPL-3.0** extends this to software used over a network. If you run a modified
              AGPL web application for users, you must offer them its source, even though you
              never handed anyone a copy.
            - **MPL-2.0** is a middle ground. Its copyleft applies file by file, so MPL files
              can sit alongside proprietary ones, as long as changes to the MPL files
              themselves are shared.
            - **LGPL** is used mostly for libraries; it lets programs under other licences
              link to the library, under certain conditions.

            ## At a glance

            | Licence | In closed products | Must share changes | Patent grant | Network clause |
            |---|---|---|---|---|
            | MIT | Yes | No | Not explicit | No |
            | Apache-2.0 | Yes | No | Yes | No |
            | MPL-2.0 | Yes | Changed MPL files | Yes | No |
            | GPL-3.0 | Only if not distributed | Whole program | Yes | No |
            | AGPL-3.0 | Rarely practical | Whole program | Yes | Yes |

            ## Making it machine-readable

            Put the full text in a `LICENSE` file at the root of the repository, and declare
            the licence with its SPDX identifier, which packaging tools and licence scanners
            understand:

            ```toml
            [project]
            name = "tidy-feeds"
            license = "Apache-2.0"
            license-files = ["LICENSE", "NOTICE"]
            ```

            Many projects also put a one-line header in each source file, such as
            `SPDX-License-Identifier: MIT`.

            ## How to choose

            If you want the widest possible adoption and do not mind companies using your code
            in closed products, MIT or Apache-2.0 will do; pick Apache if patents could ever
            matter. If you want improvements to flow back to everyone, choose the GPL, or the
            AGPL for server software. And if you are contributing to an existing project, its
            licence has already made the decision for you.

            This is a summary, not legal advice. For anything commercial, read the licence text
            itself and ask someone qualified.
            """
        ),
        "title_tr": "",
        "standfirst_tr": "",
        "body_tr": "",
        "summary_en": (
            "Code published without a licence cannot legally be reused. Permissive licences "
            "such as MIT and Apache-2.0 allow use in closed products with attribution, while "
            "copyleft licences such as the GPL and AGPL require changes to be shared; the "
            "article compares the common options and shows how to declare one with an SPDX "
            "identifier."
        ),
        "summary_tr": "",
    },
]
