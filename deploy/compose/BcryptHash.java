import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Prints the bcrypt hash (cost 12) of the password given, for make-env.sh on a machine without htpasswd. Run as a
 * single source file with spring-security-crypto on the class path, the same library the services check it with.
 */
public final class BcryptHash {

    private BcryptHash() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp spring-security-crypto.jar BcryptHash.java PASSWORD");
            System.exit(2);
        }
        System.out.print(BCrypt.hashpw(args[0], BCrypt.gensalt(12)));
    }
}
